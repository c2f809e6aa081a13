import Foundation
import NASPredictors
import TestSupport
import XCTest

/// Metrics on hand-checked examples, and against scipy on data with and without ties.
final class RankingMetricsTests: XCTestCase {
    func testKendallHandExamples() throws {
        XCTAssertEqual(try RankingMetrics.kendallTau([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]), -1)
        XCTAssertEqual(try RankingMetrics.kendallTau([1, 2, 3, 4, 5], [1, 2, 3, 4, 5]), 1)
        // pairs: (0,1) C, (0,2) C, (1,2) D -> (2 - 1) / 3
        XCTAssertEqual(try RankingMetrics.kendallTau([1, 2, 3], [1, 3, 2]), 1.0 / 3, accuracy: 1e-15)
        // a tie in x: n0 = 3, n1 = 1, n2 = 0, P = 2, Q = 0 -> 2 / sqrt(2 * 3)
        XCTAssertEqual(try RankingMetrics.kendallTau([1, 1, 2], [1, 2, 3]), 2 / 6.0.squareRoot(), accuracy: 1e-15)
        // a joint tie counts in n1 and n2 and is neither concordant nor discordant
        // pairs: (0,1) joint tie, (0,2) C, (1,2) C: n1 = n2 = 1 -> 2 / 2
        XCTAssertEqual(try RankingMetrics.kendallTau([1, 1, 2], [5, 5, 6]), 1)
        XCTAssertTrue(try RankingMetrics.kendallTau([1, 1, 1], [1, 2, 3]).isNaN, "constant x: undefined")
    }

    func testSpearmanAndPearsonHandExamples() throws {
        XCTAssertEqual(RankingMetrics.averageRanks([10, 20, 10, 30]), [1.5, 3, 1.5, 4])
        // ranks x = [1, 2.5, 2.5, 4]; centred sxy = 4.5, sxx = 4.5, syy = 5
        XCTAssertEqual(try RankingMetrics.spearman([1, 2, 2, 3], [1, 2, 3, 4]), 4.5 / 22.5.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(try RankingMetrics.spearman([1, 2, 3], [30, 20, 10]), -1, accuracy: 1e-15)
        XCTAssertEqual(try RankingMetrics.pearson([1, 2, 3], [2, 4, 6]), 1, accuracy: 1e-15)
        XCTAssertEqual(try RankingMetrics.pearson([1, 2, 3], [6, 4, 2]), -1, accuracy: 1e-15)
        // x = [0, 1, 2], y = [0, 2, 1]: sxy = 1, sxx = 2, syy = 2 -> 0.5
        XCTAssertEqual(try RankingMetrics.pearson([0, 1, 2], [0, 2, 1]), 0.5, accuracy: 1e-15)
        XCTAssertTrue(try RankingMetrics.pearson([1, 2, 3], [4, 4, 4]).isNaN)
    }

    func testTopKOverlapAndErrors() throws {
        let predicted: [Double] = [0.9, 0.8, 0.1, 0.2]
        let actual: [Double] = [1, 0, 3, 2]
        XCTAssertEqual(try RankingMetrics.topKOverlap(predicted: predicted, actual: actual, k: 2), 0)
        // predicted top-3 {0, 1, 3}, true top-3 {2, 3, 0}
        XCTAssertEqual(try RankingMetrics.topKOverlap(predicted: predicted, actual: actual, k: 3), 2.0 / 3)
        XCTAssertEqual(try RankingMetrics.topKOverlap(predicted: predicted, actual: actual, k: 4), 1)
        XCTAssertEqual(try RankingMetrics.topKOverlap(predicted: [3, 1, 2], actual: [30, 20, 10], k: 1), 1)
        // ties: the earlier index wins, so the true top-1 of [5, 5] is index 0
        XCTAssertEqual(try RankingMetrics.topKOverlap(predicted: [0, 1], actual: [5, 5], k: 1), 0)
        XCTAssertEqual(try RankingMetrics.meanAbsoluteError(predicted: [1, 2, 3], actual: [2, 2, 5]), 1)
        XCTAssertEqual(
            try RankingMetrics.rootMeanSquaredError(predicted: [1, 2, 3], actual: [2, 2, 5]), (5.0 / 3).squareRoot(),
            accuracy: 1e-15)
    }

    func testBadInputIsATypedError() {
        XCTAssertThrowsError(try RankingMetrics.kendallTau([1, 2], [1])) {
            XCTAssertEqual($0 as? PredictorError, .lengthMismatch(first: 2, second: 1))
        }
        XCTAssertThrowsError(try RankingMetrics.spearman([1], [1])) {
            XCTAssertEqual($0 as? PredictorError, .tooFewValues(needed: 2, found: 1))
        }
        XCTAssertThrowsError(try RankingMetrics.pearson([1, .nan], [1, 2])) {
            XCTAssertEqual("\($0)", "x[1] is nan: metrics need finite values")
        }
        XCTAssertThrowsError(try RankingMetrics.topKOverlap(predicted: [1, 2], actual: [1, 2], k: 3))
    }

    /// The reference cases: continuous, heavy ties, negative correlation, and n = 15,625.
    static func referenceCases() -> [(name: String, x: [Double], y: [Double])] {
        var cases: [(String, [Double], [Double])] = []
        let continuous = Synthetic.pairs(count: 500, seed: 1)
        cases.append(("continuous", continuous.x, continuous.y))
        let ties = Synthetic.pairs(count: 400, seed: 2, noise: 0.8, decimals: 1)
        cases.append(("ties", ties.x, ties.y))
        let negative = Synthetic.pairs(count: 300, seed: 3, sign: -1, noise: 1.0, decimals: 1)
        cases.append(("negative_ties", negative.x, negative.y))
        let negativeContinuous = Synthetic.pairs(count: 300, seed: 4, sign: -1, noise: 1.5)
        cases.append(("negative_continuous", negativeContinuous.x, negativeContinuous.y))
        let full = Synthetic.pairs(count: 15_625, seed: 5, noise: 0.6, decimals: 2)
        cases.append(("n15625_ties", full.x, full.y))
        let fullContinuous = Synthetic.pairs(count: 15_625, seed: 6, sign: -1, noise: 0.4)
        cases.append(("n15625_negative", fullContinuous.x, fullContinuous.y))
        cases.append(("few_levels", (0..<1000).map { Double($0 % 3) }, (0..<1000).map { Double(($0 * 7) % 4) }))
        return cases
    }

    func testAgreesWithScipy() throws {
        try ReferencePython.require(["scipy"])
        let cases = Self.referenceCases()
        let temp = try TemporaryFolder()
        let payload = ["cases": cases.map { ["name": $0.name, "x": $0.x, "y": $0.y] as [String: Any] }]
        let input = temp.file("cases.json")
        try JSONSerialization.data(withJSONObject: payload).write(to: URL(fileURLWithPath: input))
        let output = try ReferencePython.runTool("reference/metrics_reference.py", [input])
        let reference = try XCTUnwrap(JSONSerialization.jsonObject(with: output) as? [String: [String: Double]])
        for (name, x, y) in cases {
            let expected = try XCTUnwrap(reference[name], name)
            let ours = [
                "kendall": try RankingMetrics.kendallTau(x, y),
                "spearman": try RankingMetrics.spearman(x, y),
                "pearson": try RankingMetrics.pearson(x, y),
            ]
            for (metric, value) in ours {
                let scipy = try XCTUnwrap(expected[metric], "\(name) \(metric)")
                XCTAssertEqual(value, scipy, accuracy: 1e-12, "\(name) \(metric): ours \(value), scipy \(scipy)")
            }
            if name.contains("negative") {
                XCTAssertLessThan(ours["kendall"] ?? 0, -0.3, "\(name): correlations keep their sign")
            }
        }
    }

    func testKendallIsFastOnTheWholeSpace() throws {
        let data = Synthetic.pairs(count: 15_625, seed: 9, decimals: 2)
        let start = Date()
        _ = try RankingMetrics.kendallTau(data.x, data.y)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "O(n log n): well under a second even in debug")
    }
}
