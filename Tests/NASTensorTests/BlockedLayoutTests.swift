import CDNNL
@testable import NASTensor
import TestSupport
import XCTest

/// Tensors kept in oneDNN's blocked layouts between no-gradient layers (`OneDNNOp.blockedLayouts`,
/// `DNNLBlockedData`): the layouts' conversions, the ops that keep them (ReLU, a same-shape sum,
/// batch norm) against their row-major paths, and no-gradient convolution chains with and
/// without blocked layouts.
final class BlockedLayoutTests: XCTestCase {
    /// Every layout a tensor may be kept in, on shapes with and without channel padding.
    private let cases: [(tag: dnnl_format_tag_t, dims: [Int])] = [
        (dnnl_nChw16c, [3, 30, 5, 4]), (dnnl_nChw16c, [2, 32, 3, 3]), (dnnl_nChw8c, [3, 5, 4, 4]),
        (dnnl_nChw4c, [2, 6, 3, 5]), (dnnl_nhwc, [3, 7, 4, 3]),
    ]

    /// A blocked tensor holding `values` (row-major over `dims`) in layout `tag`.
    private func blockedTensor(_ values: [Float], tag: dnnl_format_tag_t, dims: [Int]) -> Tensor {
        let b = DNNLBlockedData(tag: tag, dims: dims)
        b.fill(fromRowMajor: values)
        return Tensor(shape: dims, blocked: b)
    }

    func testConversionsAreExactPermutations() {
        var rng = SplitMix64(seed: 1)
        for (tag, dims) in cases {
            let values = Tensor.randomNormal(dims, using: &rng).data
            let b = DNNLBlockedData(tag: tag, dims: dims)
            b.fill(fromRowMajor: values)
            XCTAssertEqual(b.rowMajorBySwift(), values, "Swift permutation, \(dims)")
            TensorBackend.clearFallback()
            XCTAssertEqual(b.rowMajor(), values, "oneDNN reorder, \(dims)")
            XCTAssertNil(TensorBackend.lastFallback)
            // Padded lanes hold zeros (the buffer's floats beyond the real values).
            let stored = (0..<(dims[0] * b.floatsPerImage)).map { b.pointer[$0] }
            XCTAssertEqual(stored.filter { $0 != 0 }.count, values.filter { $0 != 0 }.count, "padding, \(dims)")
            // Reading data converts once and drops the blocked copy.
            let t = Tensor(shape: dims, blocked: b)
            XCTAssertEqual(t.data, values)
            XCTAssertNil(t.blocked)
        }
    }

    func testElementwiseOpsMatchRowMajorBitForBit() {
        var rng = SplitMix64(seed: 2)
        for (tag, dims) in cases {
            let a = Tensor.randomNormal(dims, using: &rng), b = Tensor.randomNormal(dims, using: &rng)
            GradMode.withNoGrad {
                let ba = blockedTensor(a.data, tag: tag, dims: dims), bb = blockedTensor(b.data, tag: tag, dims: dims)
                let relu = ba.relu(), sum = ba + bb
                XCTAssertNotNil(relu.blocked, "relu kept the layout, \(dims)")
                XCTAssertNotNil(sum.blocked, "sum kept the layout, \(dims)")
                XCTAssertEqual(relu.data, a.relu().data)
                XCTAssertEqual(sum.data, (a + b).data)
                // Mixed layouts fall back to row-major.
                XCTAssertEqual((blockedTensor(a.data, tag: tag, dims: dims) + b).data, (a + b).data)
            }
        }
    }

    func testBatchNormMatchesReference() {
        var rng = SplitMix64(seed: 3)
        for (tag, dims) in cases {
            let c = dims[1], m = dims[0] * dims[2] * dims[3]
            let x = Tensor(shape: dims, data: Tensor.randomUniform(dims, bound: 2, using: &rng).data.map { $0 + 3 })
            let gamma = Tensor(shape: [c], data: (0..<c).map { _ in Float.random(in: 0.5..<1.5, using: &rng) })
            let beta = Tensor(shape: [c], data: (0..<c).map { _ in Float.random(in: -1..<1, using: &rng) })
            let rm = (0..<c).map { _ in Float.random(in: 2.5..<3.5, using: &rng) }
            let rv = (0..<c).map { _ in Float.random(in: 0.5..<2, using: &rng) }
            GradMode.withNoGrad {
                // Inference: the same two float operations per element as the reference.
                let (yi, _) = blockedTensor(x.data, tag: tag, dims: dims)
                    .batchNorm(gamma: gamma, beta: beta, runningMean: rm, runningVar: rv, training: false)
                XCTAssertNotNil(yi.blocked)
                let (ri, _) = x.batchNormReference(gamma: gamma, beta: beta, runningMean: rm, runningVar: rv, training: false)
                XCTAssertEqual(yi.data, ri.data, "inference, \(dims)")
                // Training: statistics summed in another order; within the derived bound of a
                // sum of M terms (magnitudes as in OneDNNBatchNormTests, bounded by 8 here: |x| <= 5).
                let (yt, st) = blockedTensor(x.data, tag: tag, dims: dims)
                    .batchNorm(gamma: gamma, beta: beta, runningMean: rm, runningVar: rv, training: true)
                let (rt, rst) = x.batchNormReference(gamma: gamma, beta: beta, runningMean: rm, runningVar: rv, training: true)
                guard let st, let rst else { return XCTFail("batch statistics missing") }
                XCTAssertEqual(st.count, rst.count)
                let bound = 2 * Float32Tolerance.gamma(m)
                for ch in 0..<c {
                    XCTAssertEqual(Double(st.mean[ch]), Double(rst.mean[ch]), accuracy: bound * 5 + 1e-6, "mean \(ch)")
                    XCTAssertEqual(Double(st.variance[ch]), Double(rst.variance[ch]), accuracy: bound * 25 + 1e-6, "var \(ch)")
                }
                // y = gamma (x - mu) / sigma + beta; sigma >= 0.3 for these inputs.
                let magnitude = [Float](repeating: 1.5 / 0.3 * 10 + 1, count: x.count)
                assertWithinDerivedBound(yt.data, rt.data, magnitude: magnitude, terms: m, what: "training, \(dims)")
            }
        }
    }

    func testNoGradientConvolutionChainsKeepTheLayoutAndTheValues() throws {
        var rng = SplitMix64(seed: 4)
        for (c, hw, n) in [(16, 8, 5), (30, 6, 3), (8, 7, 4), (64, 4, 3)] {
            let x = Tensor.randomNormal([n, c, hw, hw], using: &rng)
            let w1 = Tensor.kaimingNormal([c, c, 3, 3], using: &rng), w2 = Tensor.kaimingNormal([c, c, 3, 3], using: &rng)
            let w3 = Tensor.kaimingNormal([c, c, 1, 1], using: &rng)
            let gamma = Tensor(shape: [c], data: (0..<c).map { _ in Float.random(in: 0.5..<1.5, using: &rng) })
            let beta = Tensor(shape: [c], data: (0..<c).map { _ in Float.random(in: -1..<1, using: &rng) })
            let rm = [Float](repeating: 0.1, count: c), rv = [Float](repeating: 1.5, count: c)
            // An NB201 node: ReLU-conv-BN on two edges, summed, then a third edge on the sum.
            let chain = { () -> (Tensor, Bool) in
                let e1 = x.relu().conv2d(weight: w1, padding: 1)
                let blockedAfterConv = e1.blocked != nil
                let a = e1.batchNorm(gamma: gamma, beta: beta, runningMean: rm, runningVar: rv, training: false).0
                let b = x.relu().conv2d(weight: w3)
                    .batchNorm(gamma: gamma, beta: beta, runningMean: rm, runningVar: rv, training: false).0
                let node = a + b
                return (node.relu().conv2d(weight: w2, padding: 1), blockedAfterConv)
            }
            let (blocked, kept) = GradMode.withNoGrad { chain() }
            let plain = GradMode.withNoGrad {
                TensorBackend.with(oneDNNOps: OneDNNOp.defaults.subtracting([.blockedLayouts])) { chain() }
            }
            XCTAssertTrue(kept, "a no-gradient conv result stays blocked (C=\(c))")
            XCTAssertNil(plain.0.blocked)
            // The same primitives on the same values: equal bit for bit.
            XCTAssertEqual(blocked.data, plain.0.data, "C=\(c)")
        }
    }

    func testGradientsStillFlowThroughRowMajor() {
        var rng = SplitMix64(seed: 5)
        let x = Tensor.randomNormal([4, 16, 6, 6], requiresGrad: true, using: &rng)
        let w = Tensor.kaimingNormal([16, 16, 3, 3], requiresGrad: true, using: &rng)
        let y = x.conv2d(weight: w, padding: 1)
        XCTAssertNil(y.blocked, "a result with a graph is row-major")
        y.relu().sum().backward()
        XCTAssertNotNil(x.gradStorage)
        // A blocked leaf that later needs a gradient is converted first.
        let z = GradMode.withNoGrad { x.detached().conv2d(weight: w.detached(), padding: 1) }
        XCTAssertNotNil(z.blocked)
        z.requiresGrad = true
        let r = z.relu()
        XCTAssertNil(r.blocked)
        r.sum().backward()
        XCTAssertEqual(z.gradStorage?.count, z.count)
        // In-place mutation converts first, too.
        let m = GradMode.withNoGrad { x.detached().conv2d(weight: w.detached(), padding: 1) }
        let expected = m.blocked?.rowMajorBySwift().map { $0 * 2 }
        m.withMutableData { for i in $0.indices { $0[i] *= 2 } }
        XCTAssertNil(m.blocked)
        XCTAssertEqual(m.data, expected)
    }
}
