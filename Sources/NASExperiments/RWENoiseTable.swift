import Foundation
import NASPredictors

/// How much of an RWE score is the weight initialisation, from a run that scored every cell under
/// K >= 2 initialisations (`weight_seeds`; rows of one trial in file order are repeats 0..<K):
/// Kendall tau between every two repeats over the cells (repeat agreement), tau of each single repeat
/// and of the K-mean against the benchmark, and the spread within a cell (across its initialisations)
/// against the spread of the cell means. Cells with fewer than K rows (a run cut mid-cell) are left out.
public struct RWENoiseTable: Sendable {
    /// One line of `noise.csv`: the score, what is compared, and Kendall tau.
    public struct Row: Sendable, Equatable {
        public let score: String
        /// `repeat i vs repeat j`, `repeat i vs truth` or `mean of K vs truth`.
        public let comparison: String
        public let tau: Double
    }

    public private(set) var rows: [Row] = []
    /// Cells with all K repeats.
    public private(set) var cells = 0
    public private(set) var repeats = 0
    /// Per score: the mean over cells of the standard deviation across a cell's initialisations, and the
    /// standard deviation of the cell means (both with n - 1).
    public private(set) var spread: [(score: String, withinCell: Double, betweenCells: Double)] = []

    /// The scores whose noise is measured (those that depend on the weights).
    public static let scores = ["rwe_accuracy", "neg_rwe_loss"]

    /// Reads `results.csv` in `folder`.
    /// - Throws: ``ExperimentError`` when the file is missing, has no truth column, scores each cell
    ///   once, or holds fewer than 3 complete cells.
    public init(folder: String) throws {
        let path = (folder as NSString).appendingPathComponent("results.csv")
        let results = try RWESummaryTable.read(path)
        let groups = RWESummaryTable.trialGroups(results)
        repeats = groups.map(\.count).max() ?? 0
        let complete = groups.filter { $0.count == repeats }
        cells = complete.count
        guard repeats >= 2 else { throw ExperimentError.badInput("\(path): one weight initialisation a cell; the noise table needs weight_seeds >= 2") }
        guard let truthIndex = results.header.firstIndex(of: "truth"), cells >= 3 else {
            throw ExperimentError.corruptResults(path: path, why: "needs a truth column and at least 3 cells with all \(repeats) repeats")
        }
        let truth = complete.map { Double(results.rows[$0[0]][truthIndex]) ?? .nan }
        for score in Self.scores {
            guard let i = results.header.firstIndex(of: score) else { continue }
            // values[k][c]: repeat k of cell c.
            let values = (0..<repeats).map { k in complete.map { Double(results.rows[$0[k]][i]) ?? .nan } }
            guard values.allSatisfy({ $0.allSatisfy(\.isFinite) }) else {
                throw ExperimentError.corruptResults(path: path, why: "\(score) is not a finite number in every row")
            }
            for a in 0..<repeats {
                for b in (a + 1)..<repeats {
                    rows.append(Row(score: score, comparison: "repeat \(a) vs repeat \(b)",
                                    tau: try RankingMetrics.kendallTau(values[a], values[b])))
                }
            }
            for k in 0..<repeats {
                rows.append(Row(score: score, comparison: "repeat \(k) vs truth", tau: try RankingMetrics.kendallTau(values[k], truth)))
            }
            let means = (0..<cells).map { c in values.reduce(0) { $0 + $1[c] } / Double(repeats) }
            rows.append(Row(score: score, comparison: "mean of \(repeats) vs truth", tau: try RankingMetrics.kendallTau(means, truth)))
            let within = (0..<cells).map { c in SampleStatistics.standardDeviation(values.map { $0[c] }) }
            spread.append((score, within.reduce(0, +) / Double(cells), SampleStatistics.standardDeviation(means)))
        }
    }

    /// Mean of the `repeat i vs repeat j` taus of `score` (the repeat agreement).
    public func meanAgreement(_ score: String) -> Double {
        let pairs = rows.filter { $0.score == score && $0.comparison.contains(" vs repeat ") }
        return pairs.isEmpty ? .nan : pairs.reduce(0) { $0 + $1.tau } / Double(pairs.count)
    }

    /// `noise.csv`: `score,comparison,value,cells`; `value` is Kendall tau, except in the rows
    /// `within-cell sd` and `between-cell sd` (the spreads, in the score's unit).
    public var csv: String {
        var out = "score,comparison,value,cells\n"
        for r in rows { out += String(format: "%@,%@,%.4f,%d\n", r.score, r.comparison, r.tau, cells) }
        for s in spread {
            out += String(format: "%@,within-cell sd,%.6f,%d\n%@,between-cell sd,%.6f,%d\n", s.score, s.withinCell, cells,
                          s.score, s.betweenCells, cells)
        }
        return out
    }

    /// The table as text for the terminal.
    public var text: String {
        var out = "noise: \(cells) cells x \(repeats) weight initialisations (Kendall tau)\n"
        for r in rows { out += "  " + (r.score + " " + r.comparison).padding(toLength: 40, withPad: " ", startingAt: 0) + String(format: "%7.4f\n", r.tau) }
        for s in spread {
            out += "  " + (s.score + " sd").padding(toLength: 40, withPad: " ", startingAt: 0)
                + String(format: "within a cell %.4f, between cell means %.4f\n", s.withinCell, s.betweenCells)
        }
        return out
    }

    /// Writes `noise.csv` into `folder`.
    public func write(to folder: String) throws {
        try ResultsStore.writeAtomically(csv, to: (folder as NSString).appendingPathComponent("noise.csv"))
    }
}
