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
        let b = DNNLBlockedData(tag: tag, dims: dims, zeroed: true)
        b.fill(fromRowMajor: values)
        return Tensor(shape: dims, blocked: b)
    }

    func testConversionsAreExactPermutations() {
        var rng = SplitMix64(seed: 1)
        for (tag, dims) in cases {
            let values = Tensor.randomNormal(dims, using: &rng).data
            let b = DNNLBlockedData(tag: tag, dims: dims, zeroed: true)
            b.fill(fromRowMajor: values)
            XCTAssertEqual(b.rowMajorBySwift(), values, "Swift permutation, \(dims)")
            // oneDNN's reorder into the layout gives the same bytes, padding zeroed.
            let viaOneDNN = DNNLBlockedData(rowMajor: values, tag: tag, dims: dims)
            XCTAssertEqual((0..<(dims[0] * b.floatsPerImage)).map { viaOneDNN.pointer[$0] },
                           (0..<(dims[0] * b.floatsPerImage)).map { b.pointer[$0] }, "reorder into \(dims)")
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
                // A blocked and a row-major operand: the sum in the blocked one's layout, either order.
                for mixed in [blockedTensor(a.data, tag: tag, dims: dims) + b, a + blockedTensor(b.data, tag: tag, dims: dims)] {
                    XCTAssertEqual(mixed.blocked?.tag, tag, "mixed sum kept the layout, \(dims)")
                    XCTAssertEqual(mixed.data, (a + b).data)
                }
                // Two layouts: the second operand reordered into the first's.
                let other = tag == dnnl_nhwc ? dnnl_nChw8c : dnnl_nhwc
                let across = ba + blockedTensor(b.data, tag: other, dims: dims)
                XCTAssertEqual(across.blocked?.tag, tag, "sum across layouts, \(dims)")
                XCTAssertEqual(across.data, (a + b).data)
            }
        }
    }

    /// A sum across layouts in a graph: each operand gets the sum's gradient, whatever its layout.
    func testGradientsOfASumAcrossLayouts() {
        var rng = SplitMix64(seed: 9)
        let dims = [3, 20, 4, 5]
        let a0 = Tensor.randomNormal(dims, using: &rng).data, b0 = Tensor.randomNormal(dims, using: &rng).data
        let a = blockedTensor(a0, tag: dnnl_nChw16c, dims: dims), b = blockedTensor(b0, tag: dnnl_nhwc, dims: dims)
        let c = Tensor(shape: dims, data: b0, requiresGrad: true)
        a.requiresGrad = true; b.requiresGrad = true
        let seed = (0..<a0.count).map { Float($0 % 5) - 2 }
        ((a + b) + c).relu().backward(seed: seed)
        let expected = zip(zip(a0, b0).map { $0 + $1 + $1 }, seed).map { $0 > 0 ? $1 : 0 }
        XCTAssertEqual(a.gradStorage ?? [], expected)
        XCTAssertEqual(b.gradStorage ?? [], expected)
        XCTAssertEqual(c.gradStorage ?? [], expected)
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

    func testAveragePoolingOnBlockedValues() {
        var rng = SplitMix64(seed: 6)
        for (tag, dims) in cases {
            let x0 = Tensor.randomUniform(dims, bound: 1, using: &rng)
            let pools: [(String, (Tensor) -> Tensor)] = [
                ("3x3 include padding", { $0.avgPool2d(kernel: 3, stride: 1, padding: 1) }),
                ("3x3 exclude padding", { $0.avgPool2dExcludingPadding(kernel: 3, stride: 1, padding: 1) }),
                ("2x2 stride 2", { $0.avgPool2d(kernel: 2, stride: 2) }),
            ]
            for (name, pool) in pools {
                // Forward and input gradient: blocked (oneDNN pooling in the layout) against row-major,
                // within a few roundings of a 9-term mean (|x| <= 1: bound 2 gamma(11) * 1).
                let xb = blockedTensor(x0.data, tag: tag, dims: dims), xp = Tensor(shape: dims, data: x0.data, requiresGrad: true)
                xb.requiresGrad = true
                TensorBackend.clearFallback()
                let yb = pool(xb), yp = pool(xp)
                XCTAssertNotNil(yb.blocked, "\(name) kept the layout, \(dims)")
                XCTAssertNil(TensorBackend.lastFallback)
                let seed = (0..<yp.count).map { Float($0 % 7) - 3 }
                yb.backward(seed: seed); yp.backward(seed: seed)
                let bound = 2 * Float32Tolerance.gamma(11)
                assertWithinBounds(yb.data.map(Double.init), yp.data.map(Double.init), bounds: Array(repeating: bound, count: yp.count),
                                   what: "\(name) forward, \(dims)")
                assertWithinBounds((xb.gradStorage ?? []).map(Double.init), (xp.gradStorage ?? []).map(Double.init),
                                   bounds: Array(repeating: bound * 27, count: xp.count), what: "\(name) gradient, \(dims)")
            }
        }
    }

    /// Batch norm with a fused ReLU on blocked values: the same bits as batch norm then `relu()` on
    /// the same layout, forward and every gradient, training and inference, on every layout (the
    /// 16-lane kernels and the scalar loops).
    func testFusedBatchNormReLUMatchesTheTwoOpsBitForBit() {
        var rng = SplitMix64(seed: 8)
        for (tag, dims) in cases {
            let c = dims[1]
            let x0 = Tensor.randomUniform(dims, bound: 2, using: &rng).data
            let gamma0 = (0..<c).map { _ in Float.random(in: 0.5..<1.5, using: &rng) }
            let beta0 = (0..<c).map { _ in Float.random(in: -1..<1, using: &rng) }
            let rm = (0..<c).map { _ in Float.random(in: -0.5..<0.5, using: &rng) }
            let rv = (0..<c).map { _ in Float.random(in: 0.5..<2, using: &rng) }
            let seed = (0..<x0.count).map { _ in Float.random(in: -1..<1, using: &rng) }
            for training in [true, false] {
                var results: [(y: [Float], grads: [[Float]])] = []
                for fused in [true, false] {
                    let x = blockedTensor(x0, tag: tag, dims: dims)
                    x.requiresGrad = true
                    let gamma = Tensor(shape: [c], data: gamma0, requiresGrad: true)
                    let beta = Tensor(shape: [c], data: beta0, requiresGrad: true)
                    let (bn, _) = x.batchNorm(gamma: gamma, beta: beta, runningMean: rm, runningVar: rv, training: training,
                                              relu: fused)
                    let y = fused ? bn : bn.relu()
                    XCTAssertNotNil(y.blocked, "fused \(fused) kept the layout, \(dims)")
                    y.backward(seed: seed)
                    results.append((y.data, [x, gamma, beta].map { $0.gradStorage ?? [] }))
                }
                let what = "\(dims), layout \(tag.rawValue), training \(training)"
                XCTAssertTrue(results[0].y.contains(0) && results[0].y.contains { $0 > 0 }, "both sides of the ReLU, \(what)")
                XCTAssertEqual(results[0].y.map(\.bitPattern), results[1].y.map(\.bitPattern), "forward, \(what)")
                for k in 0..<3 {
                    XCTAssertEqual(results[0].grads[k].map(\.bitPattern), results[1].grads[k].map(\.bitPattern),
                                   "gradient \(["x", "gamma", "beta"][k]), \(what)")
                }
            }
        }
    }

    func testMaxPoolingOnBlockedValuesMatchesTheReferenceExactly() {
        var rng = SplitMix64(seed: 7)
        for (tag, dims) in cases {
            // Values on a grid of 9 levels: many windows hold ties, which go to the first maximum
            // in row-major window order on both paths.
            let x0 = Tensor.randomUniform(dims, bound: 1, using: &rng).data.map { ($0 * 4).rounded() / 4 }
            for (kernel, stride, padding) in [(2, 2, 0), (3, 1, 1), (3, 2, 1)] {
                let what = "max pool \(kernel)x\(kernel) stride \(stride) padding \(padding), \(dims)"
                let xb = blockedTensor(x0, tag: tag, dims: dims), xp = Tensor(shape: dims, data: x0, requiresGrad: true)
                xb.requiresGrad = true
                TensorBackend.clearFallback()
                let yb = xb.maxPool2d(kernel: kernel, stride: stride, padding: padding)
                let yp = xp.maxPool2dReference(kernel: kernel, stride: stride, padding: padding)
                XCTAssertNotNil(yb.blocked, "kept the layout, \(what)")
                XCTAssertNil(TensorBackend.lastFallback)
                // Small integer seeds: every gradient sum is exact, so routing is compared exactly.
                let seed = (0..<yp.count).map { Float($0 % 7) - 3 }
                yb.backward(seed: seed); yp.backward(seed: seed)
                XCTAssertEqual(yb.data, yp.data, "forward, \(what)")
                XCTAssertEqual(xb.gradStorage ?? [], xp.gradStorage ?? [], "gradient, \(what)")
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
                if let b = e1.blocked {
                    // The primitive zeroes the channel padding of its output (blocked buffers start uninitialised).
                    let stored = (0..<(b.dims[0] * b.floatsPerImage)).map { b.pointer[$0] }
                    XCTAssertEqual(stored.filter { $0 != 0 }.count, b.rowMajorBySwift().filter { $0 != 0 }.count,
                                   "padding of a conv output, C=\(c)")
                }
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

    func testGradientsFlowThroughBlockedResults() {
        var rng = SplitMix64(seed: 5)
        let x0 = Tensor.randomNormal([4, 16, 6, 6], using: &rng), w0 = Tensor.kaimingNormal([16, 16, 3, 3], using: &rng)
        func run(_ ops: Set<OneDNNOp>) -> (blocked: Bool, x: [Float], w: [Float]) {
            let x = Tensor(shape: x0.shape, data: x0.data, requiresGrad: true)
            let w = Tensor(shape: w0.shape, data: w0.data, requiresGrad: true)
            let y = TensorBackend.with(oneDNNOps: ops) { x.conv2d(weight: w, padding: 1) }
            let wasBlocked = y.blocked != nil
            TensorBackend.with(oneDNNOps: ops) { (y.relu() * y).sum().backward() }
            return (wasBlocked, x.gradStorage ?? [], w.gradStorage ?? [])
        }
        let a = run(OneDNNOp.defaults), b = run(OneDNNOp.defaults.subtracting([.blockedLayouts]))
        XCTAssertTrue(a.blocked, "a result with a graph stays blocked")
        XCTAssertFalse(b.blocked)
        XCTAssertEqual(a.x, b.x, "input gradient: the same primitives on the same values")
        XCTAssertEqual(a.w, b.w, "weight gradient")
        // A blocked leaf that later needs a gradient gets it row-major.
        let z = GradMode.withNoGrad { x0.conv2d(weight: w0, padding: 1) }
        XCTAssertNotNil(z.blocked)
        z.requiresGrad = true
        z.relu().sum().backward()
        XCTAssertEqual(z.gradStorage ?? [], z.data.map { $0 > 0 ? 1 : 0 })
        // In-place mutation converts first.
        let m = GradMode.withNoGrad { x0.conv2d(weight: w0, padding: 1) }
        let expected = m.blocked?.rowMajorBySwift().map { $0 * 2 }
        m.withMutableData { for i in $0.indices { $0[i] *= 2 } }
        XCTAssertNil(m.blocked)
        XCTAssertEqual(m.data, expected)
    }
}

/// Training through blocked layouts (results with a graph stay blocked; gradients flow blocked
/// where both sides are blocked-aware) against the row-major path, on a residual block.
final class BlockedTrainingTests: XCTestCase {
    /// Loss, every parameter's gradient and the running statistics after one step of
    /// conv-BN-ReLU-conv-BN + shortcut, ReLU, pooling, linear, with and without blocked layouts.
    private func step(blockedLayouts: Bool, channels c: Int, seed: UInt64) -> (loss: Float, grads: [[Float]], stats: [[Float]]) {
        var rng = SplitMix64(seed: seed)
        let conv1 = Conv2d(c, c, kernelSize: 3, padding: 1, bias: false, using: &rng)
        let conv2 = Conv2d(c, c, kernelSize: 3, padding: 1, bias: false, using: &rng)
        let bn1 = BatchNorm2d(c), bn2 = BatchNorm2d(c)
        let stem = Conv2d(3, c, kernelSize: 3, padding: 1, bias: false, using: &rng)
        let head = Linear(c, 5, using: &rng)
        let x = Tensor.randomNormal([6, 3, 8, 8], using: &rng)
        let labels = [0, 1, 2, 3, 4, 0]
        let ops = blockedLayouts ? OneDNNOp.defaults : OneDNNOp.defaults.subtracting([.blockedLayouts])
        let loss: Tensor = TensorBackend.with(oneDNNOps: ops) {
            let h = stem(x).relu()
            let y = bn2(conv2(bn1(conv1(h)).relu()))
            let out = (y + conv1(h)).relu()
            let l = head(out.globalAvgPool2d()).softmaxCrossEntropy(labels: labels)
            l.backward()
            return l
        }
        let params = [conv1, conv2, stem].map(\.weight) + [bn1.weight, bn1.bias, bn2.weight, bn2.bias, head.weight]
        return (loss.item, params.map { $0.gradStorage ?? [] },
                [bn1.runningMean.data, bn1.runningVar.data, bn2.runningMean.data, bn2.runningVar.data])
    }

    func testTrainingStepMatchesRowMajor() {
        for c in [16, 30, 64] {
            let a = step(blockedLayouts: true, channels: c, seed: 11), b = step(blockedLayouts: false, channels: c, seed: 11)
            XCTAssertEqual(a.loss, b.loss, accuracy: 1e-5 * max(1, abs(b.loss)), "loss, C=\(c)")
            for (k, (ga, gb)) in zip(a.grads, b.grads).enumerated() {
                XCTAssertEqual(ga.count, gb.count, "gradient \(k), C=\(c)")
                let scale = gb.map(abs).max() ?? 1
                for (u, v) in zip(ga, gb) { XCTAssertEqual(u, v, accuracy: 1e-4 * max(scale, 1e-6), "gradient \(k), C=\(c)") }
            }
            for (k, (sa, sb)) in zip(a.stats, b.stats).enumerated() {
                for (u, v) in zip(sa, sb) { XCTAssertEqual(u, v, accuracy: 1e-5 * max(1, abs(v)), "running statistic \(k), C=\(c)") }
            }
        }
    }
}
