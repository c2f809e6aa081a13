import Foundation

/// One statistic compared with its baseline: the allowed move in the bad direction is
/// `tolerance = max(floor, z * baseline standard error)`; a higher-is-better statistic fails
/// when `now < baseline - tolerance`, a lower-is-better one when `now > baseline + tolerance`.
/// A baseline without spread (one value, no trials to average: the RWE pins) is deterministic,
/// so it fails on a move beyond its tolerance in either direction (`CHANGED`).
public struct RegressionCheck: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        /// Within tolerance.
        case pass
        /// Better than the baseline by more than the tolerance (passes; consider `--update`).
        case improved
        /// Worse than the baseline by more than the tolerance.
        case regressed = "FAIL"
        /// A deterministic statistic (no spread in the baseline) moved beyond its tolerance
        /// either way: what it measures changed (fails; `--update` when intended).
        case changed = "CHANGED"
        /// Measured but not in the baseline (passes; `--update` adds it).
        case new
        /// In the baseline but no longer measured, or measured as NaN (fails).
        case missing = "MISSING"

        /// Whether the verdict fails the suite.
        public var fails: Bool { self == .regressed || self == .changed || self == .missing }
    }

    public var id: String
    public var higherIsBetter: Bool
    public var baseline: Double?
    public var now: Double?
    public var tolerance: Double?
    public var verdict: Verdict

    /// Compares `now` with `baseline` under `floor` and `z`.
    public init(id: String, baseline: RegressionStatistic?, now: RegressionStatistic?, floor: Double, z: Double) {
        self.id = id
        higherIsBetter = baseline?.higherIsBetter ?? now?.higherIsBetter ?? true
        self.baseline = baseline?.mean
        self.now = now?.mean
        guard let baseline else {
            tolerance = nil
            verdict = now == nil ? .missing : .new
            return
        }
        let allowed = max(floor, z * baseline.standardError)
        tolerance = allowed
        guard let value = now?.mean, value.isFinite else {
            verdict = .missing
            return
        }
        let gain = higherIsBetter ? value - baseline.mean : baseline.mean - value
        // A gain is an improvement only where the baseline has spread; a pinned value that moves changed.
        let better: Verdict = baseline.std.isFinite ? .improved : .changed
        verdict = gain < -allowed ? .regressed : gain > allowed ? better : .pass
    }

    /// `now - baseline`, when both exist.
    public var delta: Double? {
        guard let baseline, let now else { return nil }
        return now - baseline
    }

    /// Compares every measured statistic with the baseline (in measured order, then the
    /// baseline's statistics that were not measured), with the suite's floors and z.
    public static func compare(
        suite: RegressionSuite, baseline: RegressionBaseline, measured: [RegressionStatistic]
    ) -> [RegressionCheck] {
        let stored = Dictionary(baseline.statistics.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let measuredIDs = Set(measured.map(\.id))
        let checks = measured.map { s in
            RegressionCheck(id: s.id, baseline: stored[s.id], now: s, floor: suite.rule(for: s)?.floor ?? 0, z: suite.z)
        }
        let gone = baseline.statistics.filter { !measuredIDs.contains($0.id) }.map { s in
            RegressionCheck(id: s.id, baseline: s, now: nil, floor: suite.rule(for: s)?.floor ?? 0, z: suite.z)
        }
        return checks + gone
    }
}
