import Foundation
import NASOracle
import TestSupport
import XCTest

/// End-to-end on the real NAS-Bench-Graph table: `tools/bridges/nbgraph-table.sh` (exporter + `nasbench
/// import csv`), then info, query, top and verify. Skips when the PyPI package is not installed.
final class NBGraphCLITests: XCTestCase {
    nonisolated(unsafe) static var built: (folder: TemporaryFolder, table: String)?
    let coraValid = ["--dataset", "cora", "--split", "valid", "--metric", "accuracy", "--epochs", "400"]

    /// The converted table, built once per test process.
    func table() throws -> String {
        if let built = Self.built { return built.table }
        try ReferencePython.require(["nas_bench_graph.architecture"])
        let folder = try TemporaryFolder()
        let out = folder.file("nbgraph.h5")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [(ReferencePython.packageRoot as NSString).appendingPathComponent("tools/bridges/nbgraph-table.sh")]
        var environment = ProcessInfo.processInfo.environment
        environment["NASBENCH"] = try CLI.executable().path
        environment["NASBENCH_PYTHON"] = ReferencePython.interpreter()
        environment["OUT"] = out
        environment["WORK"] = folder.file("work")
        environment["FORCE"] = "1"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, stderr)
        XCTAssertTrue(stderr.contains("26206 cells, 36 columns"), stderr)
        Self.built = (folder, out)
        return out
    }

    func testInfoAndVerify() throws {
        let table = try table()
        let info = try CLI.run(["info", table])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.stdout.contains("nbgraph, 26206 cells"), info.stdout)
        for column in ["cora.valid.accuracy.e400", "physics.test.accuracy.e200", "proteins.test.roc_auc.e500",
                       "arxiv.none.latency_ms", "pubmed.none.params_m"] {
            XCTAssertTrue(info.stdout.contains(column), "info lacks \(column)")
        }
        let verify = try CLI.run(["verify", table])
        XCTAssertEqual(verify.status, 0, verify.stdout)
        XCTAssertTrue(verify.stdout.contains("26206 cells parse as nbgraph"), verify.stdout)
        XCTAssertTrue(verify.stdout.contains("the table covers the whole space (26206 cells)"), verify.stdout)
        XCTAssertTrue(verify.stdout.contains("proteins.test.roc_auc.e500: 24185 missing values"), verify.stdout)
    }

    func testQueryFindsAnyCellOfAnArchitecture() throws {
        let table = try table()
        // The package's own values: light_read('cora')[0]['valid_perf'] == 0.7733333333333334, and
        // Arch([0,1,2,1], [gcn,gin,fc,cheb]).valid_hash() == 61237, the index column.
        let result = try CLI.run(["query", table] + coraValid + ["--format", "json",
            "0,0,0,0|gat,gat,gat,gat", "0,1,2,1|gcn,gin,fc,cheb", "0,1,1,2|gcn,gin,cheb,fc"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        guard lines.count == 3 else { return XCTFail(result.stdout) }
        XCTAssertTrue(lines[0].contains("\"index\":0") && lines[0].contains("77.33"), lines[0])
        XCTAssertTrue(lines[1].contains("\"index\":61237"), lines[1])
        XCTAssertTrue(lines[1].contains("0,1,1,2|gcn,gin,cheb,fc"), lines[1])
        XCTAssertEqual(lines[1], lines[2])
        let proteins = try CLI.run(["query", table, "--dataset", "proteins", "--split", "test", "--metric", "roc_auc",
            "--epochs", "500", "0,0,0,0|gcn,gcn,gcn,gcn"])
        XCTAssertEqual(proteins.status, 0, proteins.stderr)
        let cases: [([String], String)] = [
            (["query", table] + coraValid + ["0,1,2,1|gcn,gin,fc,conv"], "unknown op 'conv' at node 4"),
            (["query", table] + coraValid + ["0,1,3,1|gcn,gin,fc,cheb"], "link 3 of node 3 is out of range"),
            (["query", table] + coraValid + ["0,0,0,0|skip,skip,skip,skip"], "identity network"),
            (["query", table, "--dataset", "cora", "--split", "valid", "--metric", "accuracy", "--epochs", "200",
              "0,0,0,0|gat,gat,gat,gat"], "no column cora.valid.accuracy.e200"),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments)
            XCTAssertNotEqual(result.status, 0)
            XCTAssertTrue(result.stderr.contains(expected), "'\(result.stderr)' lacks '\(expected)'")
        }
    }

    func testTop() throws {
        let table = try table()
        let top = try CLI.run(["top", table] + coraValid + ["-k", "3", "--unique", "benchmark"])
        XCTAssertEqual(top.status, 0, top.stderr)
        let rows = top.stdout.split(separator: "\n")
        XCTAssertEqual(rows.count, 3, top.stdout)
        XCTAssertTrue(rows.first?.hasPrefix("1\t") ?? false, top.stdout)
        XCTAssertTrue(rows.first?.contains("81.93") ?? false, top.stdout)  // the column's optimum (info)
        let latency = try CLI.run(["top", table, "--dataset", "proteins", "--split", "none", "--metric", "latency_ms", "-k", "1"])
        XCTAssertEqual(latency.status, 0, latency.stderr)
        XCTAssertTrue(latency.stdout.contains("0.834"), latency.stdout)
    }
}
