import Foundation
import XCTest

/// The NAS-Bench-Graph CSV written by `tools/bridges/nbgraph_export.py` from the installed PyPI package
/// `nas-bench-graph` (1.4.0), once per test process. Tests skip when the package is missing.
public enum NBGraphExport {
    /// One row of the exported CSV: the canonical cell string and the package hash.
    public struct Row: Sendable {
        public let arch: String
        public let packageHash: Int
    }

    nonisolated(unsafe) private static var cached: (folder: TemporaryFolder, csv: String)?
    private static let lock = NSLock()

    /// The path of the exported CSV (26,206 rows), written on first use.
    public static func csvPath() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached.csv }
        try ReferencePython.require(["nas_bench_graph.architecture"])
        let folder = try TemporaryFolder()
        let csv = folder.file("nbgraph.csv")
        _ = try ReferencePython.runTool("bridges/nbgraph_export.py", ["--out", csv, "--provenance", folder.file("nbgraph.json")])
        cached = (folder, csv)
        return csv
    }

    /// The exported rows (arch, package hash) in file order.
    public static func rows() throws -> [Row] {
        let text = try String(contentsOfFile: try csvPath(), encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().map { line in
            // `"L0,L1,L2,L3|OPS",HASH,...`: the quoted cell, then the hash.
            let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
            guard parts.count == 3, let hash = Int(parts[2].dropFirst().prefix { $0 != "," }) else {
                throw NBGraphExportError.badLine(String(line.prefix(80)))
            }
            return Row(arch: String(parts[1]), packageHash: hash)
        }
    }

    public enum NBGraphExportError: Error { case badLine(String) }
}
