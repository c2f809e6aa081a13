import NASTensor
import TestSupport
import XCTest

/// `PlateauSchedule` against a hand-simulated sequence and against a Python restatement of
/// `torch.optim.lr_scheduler.ReduceLROnPlateau`'s documented rules
/// (tools/reference/metad2a_reference.py `plateau`), rate for rate.
final class PlateauScheduleTests: XCTestCase {
    /// mode min, factor 0.5, patience 2, threshold 1e-4 relative:
    /// step  metric   best     bad  rate
    ///  1    10       10       0    1       (anything beats +inf)
    ///  2    9        9        0    1
    ///  3    8.9995   9        1    1       (not below 9 * (1 - 1e-4) = 8.9991)
    ///  4    9.5      9        2    1
    ///  5    9.2      9        3 -> reduce: 0.5, bad 0
    ///  6    8.99     8.99     0    0.5     (below 8.9991)
    ///  7..9 9, 9, 9           1, 2, 3 -> reduce at step 9: 0.25
    func testHandSimulatedSequence() {
        var s = PlateauSchedule(initialRate: 1, mode: .min, factor: 0.5, patience: 2)
        let rates = [10, 9, 8.9995, 9.5, 9.2, 8.99, 9, 9, 9].map { s.step(metric: $0) }
        XCTAssertEqual(rates, [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25])
        XCTAssertEqual(s.best, 8.99)
        XCTAssertEqual(s.badSteps, 0)
    }

    /// With cool-down 2 after a reduction, two steps count no bad steps; NaN never improves;
    /// the rate stops at minRate.
    func testCooldownNaNAndMinimumRate() {
        var s = PlateauSchedule(initialRate: 1, factor: 0.1, patience: 0, cooldown: 2, minRate: 0.05)
        let rates = [1, 2, 2, 2, 2, .nan, 2].map { s.step(metric: $0) }
        // 1: best. 2: bad 1 > 0 -> 0.1, cool-down 2. 3, 4: cool-down. 5: bad -> max(0.01, 0.05) = 0.05.
        // 6 (NaN): in cool-down. 7: cool-down.
        XCTAssertEqual(rates, [1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05])
        var t = PlateauSchedule(initialRate: 1, patience: 0)
        t.step(metric: 1)
        XCTAssertEqual(t.step(metric: .nan), 0.1)
        XCTAssertEqual(t.learningRate, 0.1)
    }

    func testMatchesTheRestatementOfPyTorchsRules() throws {
        struct Config: Decodable {
            let lr: Double, mode: String, factor: Double, patience: Int
            let threshold: Double?, threshold_mode: String?, cooldown: Int?, min_lr: Double?
        }
        struct Case: Decodable { let config: Config, metrics: [Double], rates: [Double] }
        try ReferencePython.require(["numpy"])
        let cases = try JSONDecoder().decode(
            [Case].self, from: ReferencePython.runTool("reference/metad2a_reference.py", ["plateau", "20261204"]))
        XCTAssertEqual(cases.count, 7)
        for (i, c) in cases.enumerated() {
            let k = c.config
            var s = PlateauSchedule(initialRate: k.lr, mode: k.mode == "min" ? .min : .max, factor: k.factor,
                                    patience: k.patience, threshold: k.threshold ?? 1e-4,
                                    thresholdMode: k.threshold_mode == "abs" ? .absolute : .relative,
                                    cooldown: k.cooldown ?? 0, minRate: k.min_lr ?? 0)
            let rates = c.metrics.map { s.step(metric: $0) }
            XCTAssertEqual(rates, c.rates, "case \(i) \(k)")
            XCTAssertGreaterThan(Set(c.rates).count, 1, "case \(i) never reduces")
        }
    }
}
