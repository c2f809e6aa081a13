import NASTensor
import XCTest

/// Forward (NumPy) and gradient (finite differences) checks of elementwise ops.
final class ElementwiseOpTests: XCTestCase {
    func testAddBroadcast() throws {
        try helperTestOp([[3, 4], [4]], numpy: "out = x[0] + x[1]") { $0[0] + $0[1] }
        try helperTestOp([[2, 1, 3], [4, 1]], numpy: "out = x[0] + x[1]") { $0[0] + $0[1] }
    }

    func testSubBroadcast() throws {
        try helperTestOp([[2, 3, 4], [3, 1]], numpy: "out = x[0] - x[1]") { $0[0] - $0[1] }
        try helperTestOp([[5], []], numpy: "out = x[0] - x[1]") { $0[0] - $0[1] }
    }

    func testMulBroadcast() throws {
        try helperTestOp([[3, 4], [3, 4]], numpy: "out = x[0] * x[1]") { $0[0] * $0[1] }
        try helperTestOp([[2, 3, 1], [1, 1, 5]], numpy: "out = x[0] * x[1]") { $0[0] * $0[1] }
    }

    func testDivBroadcast() throws {
        try helperTestOp([[3, 4], [4]], kinds: [.uniform(-2, 2), .uniform(0.5, 2)],
                         numpy: "out = x[0] / x[1]") { $0[0] / $0[1] }
        try helperTestOp([[3, 4], [3, 4]], kinds: [.uniform(-2, 2), .uniform(0.5, 2)],
                         numpy: "out = x[0] / x[1]") { $0[0] / $0[1] }
    }

    func testScalarOperators() throws {
        try helperTestOp([[6]], numpy: "out = 2.0 - x[0] * 3.0 + 1.5 / (x[0] * x[0] + 1.0)",
                         forward: .magnitude(roundings: 5, numpy: "out = 2.0 + np.abs(x[0] * 3.0) + 1.5 / (x[0] * x[0] + 1.0)")) {
            2 - $0[0] * 3 + 1.5 / ($0[0] * $0[0] + 1)
        }
        try helperTestOp([[4]], numpy: "out = -x[0]") { -$0[0] }
    }

    func testReLU() throws {
        try helperTestOp([[4, 5]], kind: .distinct, numpy: "out = np.maximum(x[0], 0)") { $0[0].relu() }
    }

    func testExpLogSqrt() throws {
        try helperTestOp([[3, 4]], numpy: "out = np.exp(x[0])", forward: .relative(roundings: 2)) { $0[0].exp() }
        try helperTestOp([[3, 4]], kind: .uniform(0.5, 3), numpy: "out = np.log(x[0])", forward: .relative(roundings: 2)) { $0[0].log() }
        try helperTestOp([[3, 4]], kind: .uniform(0.5, 3), numpy: "out = np.sqrt(x[0])") { $0[0].sqrt() }
    }

    func testSigmoidTanh() throws {
        try helperTestOp([[3, 4]], kind: .uniform(-4, 4), numpy: "out = 1 / (1 + np.exp(-x[0]))", forward: .relative(roundings: 4)) { $0[0].sigmoid() }
        try helperTestOp([[3, 4]], kind: .uniform(-3, 3), numpy: "out = np.tanh(x[0])",
                         forward: .magnitude(roundings: 5, numpy: "out = 2 / (1 + np.exp(-2 * x[0])) + 1")) { $0[0].tanh() }
    }

    func testDropoutMatchesItsMask() throws {
        // The op builds its own generator from a fixed seed, so every call
        // (forward and each finite-difference probe) uses the same mask.
        try helperTestOp([[50]], numpy: nil) {
            var rng = SplitMix64(seed: 7)
            return $0[0].dropout(p: 0.3, training: true, using: &rng)
        }
        var rng = SplitMix64(seed: 1)
        let x = Tensor.ones([10_000])
        let y = x.dropout(p: 0.25, training: true, using: &rng)
        let kept = y.data.filter { $0 != 0 }
        XCTAssertEqual(Double(kept.count) / 10_000, 0.75, accuracy: 0.02)
        XCTAssertTrue(kept.allSatisfy { abs($0 - 1 / 0.75) < 1e-6 })
        XCTAssertEqual(x.dropout(p: 0.25, training: false, using: &rng).data, x.data)
    }
}
