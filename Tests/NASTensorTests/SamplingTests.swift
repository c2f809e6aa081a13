import NASTensor
import TestSupport
import XCTest

/// Categorical and Bernoulli sampling against a Python restatement with the same SplitMix64
/// stream (tools/reference/metad2a_reference.py `sampling`), their frequencies, their errors,
/// and the deterministic decoding helpers.
final class SamplingTests: XCTestCase {
    private struct Reference: Decodable {
        let stream_seed: UInt64
        let probabilities: [Float], shape: [Int], categorical: [Int]
        let edge_probabilities: [Float], edge_shape: [Int], bernoulli: [Bool]
    }

    func testDrawsMatchTheRestatementWithTheSameStream() throws {
        try ReferencePython.require(["numpy"])
        let reference = try JSONDecoder().decode(
            Reference.self, from: ReferencePython.runTool("reference/metad2a_reference.py", ["sampling", "20261204"]))
        var rng = SplitMix64(seed: reference.stream_seed)
        let picks = try Tensor(shape: reference.shape, data: reference.probabilities).sampleCategorical(using: &rng)
        XCTAssertEqual(picks, reference.categorical)
        for (r, pick) in picks.enumerated() {
            XCTAssertGreaterThan(reference.probabilities[r * reference.shape[1] + pick], 0, "row \(r) picked a zero category")
        }
        var edges = SplitMix64(seed: reference.stream_seed + 1)
        let decisions = try Tensor(shape: reference.edge_shape, data: reference.edge_probabilities).sampleBernoulli(using: &edges)
        XCTAssertEqual(decisions, reference.bernoulli)
        XCTAssertEqual(decisions[0], false, "probability 0")
        XCTAssertEqual(decisions[1], true, "probability 1")
    }

    /// 20,000 draws of one row: every count within 5 standard deviations of `n p`.
    func testFrequencies() throws {
        let p: [Float] = [0.1, 0, 0.35, 0.05, 0.5]
        let n = 20_000
        let rows = Tensor(shape: [n, 5], data: Array([[Float]](repeating: p, count: n).joined()))
        var rng = SplitMix64(seed: 1)
        var counts = [Int](repeating: 0, count: 5)
        for pick in try rows.sampleCategorical(using: &rng) { counts[pick] += 1 }
        for (c, q) in zip(counts, p) {
            let expected = Double(n) * Double(q), sd = (expected * (1 - Double(q))).squareRoot()
            XCTAssertLessThanOrEqual(abs(Double(c) - expected), 5 * sd + 1e-9, "counts \(counts)")
        }
        let bernoulli = try Tensor(repeating: 0.3, shape: [n]).sampleBernoulli(using: &rng)
        let ones = Double(bernoulli.filter { $0 }.count)
        XCTAssertLessThanOrEqual(abs(ones - 0.3 * Double(n)), 5 * (Double(n) * 0.21).squareRoot())
    }

    func testSoftmaxRowsNeedNotSumToExactlyOne() throws {
        var rng = SplitMix64(seed: 2)
        let picks = try Tensor(shape: [2, 3], data: [2, 0, 0, 0, 0, 7]).sampleCategorical(using: &rng)
        XCTAssertEqual(picks, [0, 2])
    }

    func testInvalidProbabilitiesAreOneLineErrors() {
        var rng = SplitMix64(seed: 3)
        XCTAssertThrowsError(try Tensor(shape: [2, 2], data: [0.5, 0.5, .nan, 1]).sampleCategorical(using: &rng)) {
            XCTAssertEqual("\($0)", "categorical sampling: row 1 has the entry nan (probabilities must be finite, non-negative and not all zero)")
        }
        XCTAssertThrowsError(try Tensor(shape: [1, 2], data: [0, 0]).sampleCategorical(using: &rng)) {
            XCTAssertEqual($0 as? SamplingError, .invalidCategoricalRow(row: 0, reason: "sums to zero"))
        }
        XCTAssertThrowsError(try Tensor(shape: [1, 2], data: [-0.1, 1.1]).sampleCategorical(using: &rng))
        XCTAssertThrowsError(try Tensor(shape: [3], data: [0.2, 1.5, 0]).sampleBernoulli(using: &rng)) {
            XCTAssertEqual("\($0)", "Bernoulli sampling: probability 1.5 at element 1 is outside [0, 1]")
            XCTAssertFalse("\($0)".contains("\n"))
        }
    }

    func testArgmaxAndThresholdDecoding() throws {
        try NumpyReference.requireNumpy()
        var rng = SplitMix64(seed: 4)
        let x = makeInput([2, 3, 4], .distinct, &rng)
        for axis in [0, 1, 2] {
            let ref = try NumpyReference.evaluate("out = np.argmax(x[0], axis=\(axis))", inputs: [x])[0].data.map { Int($0) }
            XCTAssertEqual(x.argmax(axis: axis), ref, "axis \(axis)")
        }
        XCTAssertEqual(Tensor(shape: [2, 4], data: [1, 3, 3, 0, .nan, -1, -2, -1]).argmax(axis: 1), [1, 1], "first among ties; NaN skipped")
        XCTAssertEqual(Tensor(shape: [4], data: [0.2, 0.5, 0.51, 0.9]).isGreater(than: 0.5), [false, false, true, true])
    }
}
