import NASTensor
import TestSupport
import XCTest

/// oneDNN max and average pooling against the engine's reference loops: max pooling exactly
/// (values and gradient routing, ties included), average pooling within the derived bound.
final class OneDNNPoolTests: XCTestCase {
    private struct Case { let shape: [Int]; let kernel: Int; let stride: Int?; let padding: Int }

    private let cases = [
        Case(shape: [7, 3, 6, 6], kernel: 2, stride: nil, padding: 0),
        Case(shape: [2, 16, 5, 5], kernel: 2, stride: 2, padding: 0),   // floor drops the last row/column
        Case(shape: [3, 2, 7, 7], kernel: 3, stride: 2, padding: 1),
        Case(shape: [2, 4, 6, 6], kernel: 3, stride: 1, padding: 1),
        Case(shape: [5, 16, 8, 8], kernel: 3, stride: 1, padding: 1),
    ]

    /// Inputs with many ties: values from {-1, 0, 1}, like a ReLU's zeros.
    private func tiedInput(_ shape: [Int], _ rng: inout SplitMix64) -> Tensor {
        Tensor(shape: shape, data: (0..<shape.reduce(1, *)).map { _ in Float(Int.random(in: -1...1, using: &rng)) })
    }

    func testMaxPoolMatchesReferenceExactlyWithTies() {
        var rng = SplitMix64(seed: 11)
        for c in cases {
            for x in [tiedInput(c.shape, &rng), Tensor.randomUniform(c.shape, bound: 1, using: &rng)] {
                let pool = { (t: [Tensor]) in t[0].maxPool2d(kernel: c.kernel, stride: c.stride, padding: c.padding) }
                let outCount = GradMode.withNoGrad { TensorBackend.with(.reference) { pool([x]) } }.count
                let g = Tensor.randomUniform([outCount], bound: 1, using: &rng).data
                let fast = runWithGradients(.onednn, [x], seed: g, pool)
                let ref = runWithGradients(.reference, [x], seed: g, pool)
                let what = "max pool \(c.shape) k\(c.kernel) s\(c.stride ?? c.kernel) p\(c.padding)"
                XCTAssertEqual(firstMismatch(fast.output, ref.output), nil, "\(what) forward")
                // Routing must agree; where windows overlap, an input's gradient is a sum over up to
                // ceil(k/s)^2 windows, which the two implementations may add in different orders.
                let mag = runWithGradients(.reference, [x], seed: g.map(abs), pool)
                let overlap = (c.kernel + (c.stride ?? c.kernel) - 1) / (c.stride ?? c.kernel)
                assertWithinDerivedBound(fast.grads[0], ref.grads[0], magnitude: mag.grads[0], terms: overlap * overlap,
                                         what: "\(what) gradient routing")
                TensorBackend.clearFallback()
                let inference = TensorBackend.withAllOneDNNOps { GradMode.withNoGrad { TensorBackend.with(.onednn) { pool([x]) } } }
                XCTAssertNil(TensorBackend.lastFallback)
                XCTAssertEqual(firstMismatch(inference.data, ref.output), nil, "\(what) no-grad forward")
            }
        }
    }

    func testAvgPoolWithinDerivedBound() {
        var rng = SplitMix64(seed: 12)
        for c in cases {
            let x = Tensor.randomUniform(c.shape, bound: 1, using: &rng)
            let pool = { (t: [Tensor]) in t[0].avgPool2d(kernel: c.kernel, stride: c.stride, padding: c.padding) }
            let outCount = GradMode.withNoGrad { TensorBackend.with(.reference) { pool([x]) } }.count
            let g = Tensor.randomUniform([outCount], bound: 1, using: &rng).data
            let fast = runWithGradients(.onednn, [x], seed: g, pool)
            let ref = runWithGradients(.reference, [x], seed: g, pool)
            let mag = runWithGradients(.reference, [Tensor(shape: x.shape, data: x.data.map(abs))], seed: g.map(abs), pool)
            // k*k products with the divisor, plus the divisor's own rounding.
            let terms = c.kernel * c.kernel + 1
            assertWithinDerivedBound(fast.output, ref.output, magnitude: mag.output, terms: terms, what: "avg pool forward")
            assertWithinDerivedBound(fast.grads[0], ref.grads[0], magnitude: mag.grads[0], terms: terms,
                                     what: "avg pool gradient")
        }
    }
}

/// The first index where `a` and `b` differ, with both values, or `nil` if they are equal.
func firstMismatch(_ a: [Float], _ b: [Float]) -> String? {
    guard a.count == b.count else { return "sizes \(a.count) and \(b.count)" }
    guard let i = a.indices.first(where: { a[$0] != b[$0] }) else { return nil }
    return "element \(i): \(a[i]) vs \(b[i])"
}
