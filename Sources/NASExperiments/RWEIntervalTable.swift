import Foundation
import NASPredictors

/// Percentile-bootstrap 95% intervals for an RWE run (issue 16, item 5): Kendall tau of every score
/// against the benchmark, and the paired difference tau(RWE accuracy) - tau(baseline) for each
/// baseline score, each difference computed on the same resampled cells (``RankBootstrap``). Cells
/// are ranked by the mean of their rows, as in ``RWESummaryTable``. Written as `intervals.csv`.
public struct RWEIntervalTable: Sendable {
    public struct Row: Sendable, Equatable {
        /// `tau(score)` or `tau(rwe_accuracy)-tau(baseline)`.
        public let statistic: String
        public let value: Double
        public let low: Double
        public let high: Double
    }

    public private(set) var rows: [Row] = []
    public let cells: Int
    public let resamples: Int
    public let seed: UInt64

    /// The score whose differences to the baselines are taken.
    public static let subject = "rwe_accuracy"
    /// The cheap baselines RWE is compared with.
    public static let baselines = ["params", "macs", "naswot", "synflow_log"]

    /// Intervals from `summary`'s per-cell values, `resamples` resamples drawn from `seed` (every
    /// statistic on the same resamples).
    public init(summary: RWESummaryTable, resamples: Int = 2000, seed: UInt64 = 0) throws {
        cells = summary.cells
        self.resamples = resamples
        self.seed = seed
        let truth = summary.truth
        for (score, tau, _) in summary.rows {
            guard let x = summary.values[score] else { continue }
            let (low, high) = try RankBootstrap.kendallTau(x, truth, resamples: resamples, seed: seed)
            rows.append(Row(statistic: "tau(\(score))", value: tau, low: low, high: high))
        }
        guard let subject = summary.values[Self.subject], let subjectTau = summary.rows.first(where: { $0.score == Self.subject })?.tau else {
            return
        }
        for baseline in Self.baselines {
            guard let b = summary.values[baseline], let bTau = summary.rows.first(where: { $0.score == baseline })?.tau else { continue }
            let (low, high) = try RankBootstrap.kendallTauDifference(subject, b, truth, resamples: resamples, seed: seed)
            rows.append(Row(statistic: "tau(\(Self.subject))-tau(\(baseline))", value: subjectTau - bTau, low: low, high: high))
        }
    }

    /// `intervals.csv`.
    public var csv: String {
        "statistic,value,ci95_low,ci95_high,cells,resamples,seed\n"
            + rows.map { String(format: "%@,%.4f,%.4f,%.4f,%d,%d,%llu\n", $0.statistic, $0.value, $0.low, $0.high, cells, resamples, seed) }
            .joined()
    }

    /// For the terminal.
    public var text: String {
        var out = "95% bootstrap intervals (\(resamples) resamples of the \(cells) cells, seed \(seed)):\n"
        for r in rows {
            out += r.statistic.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: "%7.4f  [%7.4f, %7.4f]\n", r.value, r.low, r.high)
        }
        return out
    }

    public func write(to folder: String) throws {
        try ResultsStore.writeAtomically(csv, to: (folder as NSString).appendingPathComponent("intervals.csv"))
    }
}
