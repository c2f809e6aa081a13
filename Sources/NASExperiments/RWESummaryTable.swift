import Foundation
import NASPredictors

/// Kendall tau and Spearman of each score of an RWE run against the benchmark's accuracy,
/// and mean seconds per cell, read back from its files.
public struct RWESummaryTable: Sendable {
    /// One line a score: name, tau, Spearman.
    public var rows: [(score: String, tau: Double, spearman: Double)] = []
    public var cells = 0
    public var rweSeconds = 0.0
    public var baselineSeconds = 0.0

    /// Reads `results.csv` and `timings.csv` in `folder`.
    public init(folder: String) throws {
        let results = try Self.read((folder as NSString).appendingPathComponent("results.csv"))
        let timings = try Self.read((folder as NSString).appendingPathComponent("timings.csv"))
        guard let truthIndex = results.header.firstIndex(of: "truth"), results.rows.count > 2 else {
            throw ExperimentError.corruptResults(path: folder, why: "results.csv needs a truth column and at least 3 cells")
        }
        cells = results.rows.count
        let truth = results.rows.map { Double($0[truthIndex]) ?? .nan }
        for score in RWEExperiment.scoreColumns {
            guard let i = results.header.firstIndex(of: score) else { continue }
            // -inf (a disconnected cell's synflow) ranks lowest; keep it finite for the rank metrics.
            let values = results.rows.map { Double($0[i]).map { $0.isFinite ? $0 : -1e300 } ?? .nan }
            rows.append((score, try RankingMetrics.kendallTau(values, truth), try RankingMetrics.spearman(values, truth)))
        }
        if let r = timings.header.firstIndex(of: "rwe_seconds"), let b = timings.header.firstIndex(of: "baseline_seconds") {
            let n = Double(max(timings.rows.count, 1))
            rweSeconds = timings.rows.reduce(0) { $0 + (Double($1[r]) ?? 0) } / n
            baselineSeconds = timings.rows.reduce(0) { $0 + (Double($1[b]) ?? 0) } / n
        }
    }

    /// The summary as CSV.
    public var csv: String {
        "score,kendall_tau,spearman,cells\n"
            + rows.map { String(format: "%@,%.4f,%.4f,%d\n", $0.score, $0.tau, $0.spearman, cells) }.joined()
    }

    /// The summary as text for the terminal.
    public var text: String {
        var out = "score          tau      spearman   (\(cells) cells)\n"
        for r in rows {
            out += r.score.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%7.4f  %8.4f\n", r.tau, r.spearman)
        }
        return out + String(format: "seconds per cell: RWE %.2f, NASWOT+synflow %.2f\n", rweSeconds, baselineSeconds)
    }

    /// Writes `summary.csv` into `folder`.
    public func write(to folder: String) throws {
        try csv.write(toFile: (folder as NSString).appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
    }

    /// A simple CSV (quoted fields may hold commas, no embedded quotes or newlines).
    static func read(_ path: String) throws -> (header: [String], rows: [[String]]) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ExperimentError.badInput("cannot read \(path)")
        }
        let lines = text.split(separator: "\n").map(String.init)
        guard let first = lines.first else { throw ExperimentError.corruptResults(path: path, why: "empty") }
        return (split(first), lines.dropFirst().map(split))
    }

    static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        for ch in line {
            if ch == "\"" { quoted.toggle() } else if ch == ",", !quoted { fields.append(current); current = "" } else { current.append(ch) }
        }
        fields.append(current)
        return fields
    }
}
