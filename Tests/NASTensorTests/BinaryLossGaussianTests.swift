import Foundation
import NASTensor
import XCTest

/// Log-sigmoid, BCE with logits, the Gaussian KL divergence and the reparameterised sample:
/// values against tools/reference/metad2a_reference.py within the engine's first-order Float32
/// bound (f32_bound.py), gradients by finite differences.
final class BinaryLossGaussianTests: XCTestCase {
    func testLogSigmoid() throws {
        try helperTestOp([[3, 5]], kind: .uniform(-6, 6), numpy: MetaD2AReference.snippet("R.log_sigmoid(x[0])"),
                         forward: MetaD2AReference.bound("log_sigmoid", inputs: 1)) { $0[0].logSigmoid() }
    }

    func testLogSigmoidIsStableForLargeInputs() {
        let x = Tensor(shape: [5], data: [-200, -50, 0, 50, 200], requiresGrad: true)
        let y = x.logSigmoid()
        XCTAssertEqual(y.data[0], -200)
        XCTAssertEqual(y.data[1], -50)
        XCTAssertEqual(y.data[2], -Float(M_LN2), accuracy: 1e-7)
        XCTAssertEqual(y.data[3], 0, accuracy: 1e-20)
        XCTAssertEqual(y.data[4], 0)
        y.sum().backward()
        assertAllClose(x.gradStorage ?? [], [1, 1, 0.5, 0, 0], accuracy: 1e-20)
    }

    func testBCEWithLogitsPerElement() throws { try checkBCE(.none) }
    func testBCEWithLogitsMean() throws { try checkBCE(.mean) }
    func testBCEWithLogitsSum() throws { try checkBCE(.sum) }

    /// Logits in (-4, 4), targets in (0, 1); the gradient reaches both.
    private func checkBCE(_ reduction: LossReduction, file: StaticString = #filePath, line: UInt = #line) throws {
        try helperTestOp([[4, 5], [4, 5]], kinds: [.uniform(-4, 4), .uniform(0, 1)],
                         numpy: MetaD2AReference.snippet(MetaD2AReference.call("bce_with_logits", inputs: 2, "'\(reduction.rawValue)'")),
                         forward: MetaD2AReference.bound("bce_with_logits", inputs: 2, "reduction='\(reduction.rawValue)'"),
                         file: file, line: line) {
            $0[0].binaryCrossEntropyWithLogits($0[1], reduction: reduction)
        }
    }

    func testBCEWithLogitsIsStableForLargeLogits() {
        let x = Tensor(shape: [4], data: [100, -100, 30, -30], requiresGrad: true)
        let y = Tensor(shape: [4], data: [0, 1, 1, 0])
        let loss = x.binaryCrossEntropyWithLogits(y, reduction: .none)
        XCTAssertEqual(loss.data[0], 100)
        XCTAssertEqual(loss.data[1], 100)
        XCTAssertEqual(loss.data[2], 0, accuracy: 1e-12)
        XCTAssertEqual(loss.data[3], 0, accuracy: 1e-12)
        x.binaryCrossEntropyWithLogits(y, reduction: .sum).backward()
        assertAllClose(x.gradStorage ?? [], [1, -1, 0, 0], accuracy: 1e-12)
    }

    func testGaussianKLDivergence() throws {
        try helperTestOp([[3, 4], [3, 4]], numpy: MetaD2AReference.snippet("R.gaussian_kl(x[0], x[1])"),
                         forward: MetaD2AReference.bound("gaussian_kl", inputs: 2)) {
            Tensor.gaussianKLDivergence(mean: $0[0], logVariance: $0[1])
        }
        // Zero at the prior itself.
        XCTAssertEqual(Tensor.gaussianKLDivergence(mean: .zeros([2, 3]), logVariance: .zeros([2, 3])).item, 0)
    }

    func testReparameterizedWithGivenNoise() throws { try checkReparameterized(noiseScale: 1) }
    /// MetaD2A's eps_scale (generator/model.py `reparameterize`).
    func testReparameterizedWithMetaD2AsNoiseScale() throws { try checkReparameterized(noiseScale: 0.01) }

    private func checkReparameterized(noiseScale scale: Float, file: StaticString = #filePath, line: UInt = #line) throws {
        var rng = SplitMix64(seed: 11)
        let noise = Tensor.randomNormal([3, 4], using: &rng)
        let literal = "np.array([\(noise.data.map { "\($0)" }.joined(separator: ", "))]).reshape(3, 4)"
        try helperTestOp([[3, 4], [3, 4]],
                         numpy: MetaD2AReference.snippet("R.reparameterize(x[0], x[1], \(literal), scale=\(scale))"),
                         forward: MetaD2AReference.bound("reparameterize", inputs: 2, "\(literal), scale=\(scale)"),
                         file: file, line: line) {
            Tensor.reparameterized(mean: $0[0], logVariance: $0[1], noise: noise, noiseScale: scale)
        }
    }

    func testReparameterizedDrawsOneNormalPerElement() {
        let mean = Tensor(shape: [2, 3], data: [0, 1, 2, 3, 4, 5]), logVariance = Tensor(repeating: 0.5, shape: [2, 3])
        var a = SplitMix64(seed: 5), b = SplitMix64(seed: 5)
        let z = Tensor.reparameterized(mean: mean, logVariance: logVariance, noiseScale: 0.01, using: &a)
        let noise = Tensor.randomNormal([2, 3], using: &b)
        XCTAssertEqual(z.data, Tensor.reparameterized(mean: mean, logVariance: logVariance, noise: noise, noiseScale: 0.01).data)
        XCTAssertEqual(a, b, "one draw per element")
    }
}

private func assertAllClose(_ a: [Float], _ b: [Float], accuracy: Float, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
