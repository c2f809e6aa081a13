import Foundation
import NASPredictors

/// Kendall tau and Spearman of each score of an RWE run against the benchmark's accuracy,
/// and mean seconds per cell, read back from its files. A cell scored under several weight
/// initialisations (several rows of one trial) is ranked by the mean of its rows.
public struct RWESummaryTable: Sendable {
    /// One line a score: name, tau, Spearman.
    public var rows: [(score: String, tau: Double, spearman: Double)] = []
    public var cells = 0
    /// Weight initialisations a cell (rows a trial).
    public var repeats = 1
    public var rweSeconds = 0.0
    public var baselineSeconds = 0.0
    /// Per score (in ``rows``' order), each cell's value (the mean of its rows), and the truth.
    public private(set) var values: [String: [Double]] = [:]
    public private(set) var truth: [Double] = []

    /// Reads `results.csv` and `timings.csv` in `folder`.
    public init(folder: String) throws {
        let results = try Self.read((folder as NSString).appendingPathComponent("results.csv"))
        let timings = try Self.read((folder as NSString).appendingPathComponent("timings.csv"))
        let groups = Self.trialGroups(results)
        guard let truthIndex = results.header.firstIndex(of: "truth"), groups.count > 2 else {
            throw ExperimentError.corruptResults(path: folder, why: "results.csv needs a truth column and at least 3 cells")
        }
        cells = groups.count
        repeats = groups.map(\.count).max() ?? 1
        let truth = groups.map { Double(results.rows[$0[0]][truthIndex]) ?? .nan }
        self.truth = truth
        for score in RWEExperiment.scoreColumns {
            guard let i = results.header.firstIndex(of: score) else { continue }
            // -inf (a disconnected cell's synflow) ranks lowest; keep it finite for the rank metrics.
            let values = groups.map { group in
                group.reduce(0.0) { $0 + (Double(results.rows[$1][i]).map { $0.isFinite ? $0 : -1e300 } ?? .nan) }
                    / Double(group.count)
            }
            rows.append((score, try RankingMetrics.kendallTau(values, truth), try RankingMetrics.spearman(values, truth)))
            self.values[score] = values
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

    /// Row indices of `results` grouped by trial, in file order (each row its own group
    /// when there is no trial column).
    static func trialGroups(_ results: (header: [String], rows: [[String]])) -> [[Int]] {
        guard let t = results.header.firstIndex(of: "trial") else { return results.rows.indices.map { [$0] } }
        var groups: [[Int]] = []
        var last: String?
        for (i, row) in results.rows.enumerated() {
            if row[t] == last { groups[groups.count - 1].append(i) } else { groups.append([i]) }
            last = row[t]
        }
        return groups
    }

    /// The summary as text for the terminal.
    public var text: String {
        let scored = repeats > 1 ? ", each the mean of \(repeats) weight initialisations" : ""
        var out = "score          tau      spearman   (\(cells) cells\(scored))\n"
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
