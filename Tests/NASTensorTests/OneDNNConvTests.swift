import NASTensor
import TestSupport
import XCTest

/// The oneDNN convolution against the engine's im2col + sgemm reference, forward and both
/// backward passes, within the derived float32 bound (see ``assertWithinDerivedBound``).
final class OneDNNConvTests: XCTestCase {
    /// One configuration: x `[n, c, hw, hw]`, weight `[o, c/groups, k, k]`.
    private func check(n: Int, c: Int, o: Int, hw: Int, k: Int, stride: Int = 1, padding: Int = 0,
                       dilation: Int = 1, groups: Int = 1, bias: Bool = true, seed: UInt64 = 7,
                       file: StaticString = #filePath, line: UInt = #line) {
        var rng = SplitMix64(seed: seed)
        var inputs = [Tensor.randomUniform([n, c, hw, hw], bound: 1, using: &rng),
                      Tensor.randomUniform([o, c / groups, k, k], bound: 1, using: &rng)]
        if bias { inputs.append(Tensor.randomUniform([o], bound: 1, using: &rng)) }
        let conv = { (t: [Tensor]) in
            t[0].conv2d(weight: t[1], bias: t.count > 2 ? t[2] : nil, stride: stride, padding: padding,
                        dilation: dilation, groups: groups)
        }
        let outShape = GradMode.withNoGrad { TensorBackend.with(.reference) { conv(inputs) } }.shape
        let outCount = outShape.reduce(1, *)
        let g = Tensor.randomUniform(outShape, bound: 1, using: &rng).data
        let fast = runWithGradients(.onednn, inputs, seed: g, file: file, line: line, conv)
        let ref = runWithGradients(.reference, inputs, seed: g, file: file, line: line, conv)
        let mag = runWithGradients(.reference, inputs.map { Tensor(shape: $0.shape, data: $0.data.map(abs)) },
                                   seed: g.map(abs), file: file, line: line, conv)
        XCTAssertEqual(fast.output.count, outCount, file: file, line: line)
        // No-grad forward (an inference primitive, not the training one).
        TensorBackend.clearFallback()
        let inference = TensorBackend.withAllOneDNNOps { GradMode.withNoGrad { TensorBackend.with(.onednn) { conv(inputs) } } }
        XCTAssertNil(TensorBackend.lastFallback, "inference forward fell back", file: file, line: line)
        let kSize = c / groups * k * k, pixels = n * outShape[2] * outShape[3]
        assertWithinDerivedBound(fast.output, ref.output, magnitude: mag.output, terms: kSize + (bias ? 1 : 0),
                                 what: "forward", file: file, line: line)
        assertWithinDerivedBound(inference.data, ref.output, magnitude: mag.output, terms: kSize + (bias ? 1 : 0),
                                 what: "inference forward", file: file, line: line)
        assertWithinDerivedBound(fast.grads[0], ref.grads[0], magnitude: mag.grads[0], terms: o / groups * k * k,
                                 what: "input gradient", file: file, line: line)
        assertWithinDerivedBound(fast.grads[1], ref.grads[1], magnitude: mag.grads[1], terms: pixels,
                                 what: "weight gradient", file: file, line: line)
        if bias {
            assertWithinDerivedBound(fast.grads[2], ref.grads[2], magnitude: mag.grads[2], terms: pixels,
                                     what: "bias gradient", file: file, line: line)
        }
    }

    func testBenchShapesScaledDown() {
        check(n: 4, c: 16, o: 32, hw: 14, k: 3, padding: 1, bias: false)
        check(n: 3, c: 64, o: 64, hw: 8, k: 3, padding: 1)
    }

    func testSmallInputChannels() {
        check(n: 5, c: 1, o: 16, hw: 28, k: 3, padding: 1, bias: false)
        check(n: 2, c: 3, o: 16, hw: 9, k: 3, padding: 1)
    }

    func testStrideDilationOddSizes() {
        check(n: 3, c: 8, o: 16, hw: 7, k: 3, stride: 2, padding: 1)
        check(n: 2, c: 4, o: 8, hw: 9, k: 3, padding: 2, dilation: 2)
        check(n: 2, c: 5, o: 6, hw: 8, k: 2, stride: 3)  // floor division drops input columns
        check(n: 1, c: 16, o: 16, hw: 5, k: 1)
    }

    /// The shapes of ConvPoolOpTests (checked there against NumPy and finite differences).
    func testOpTestShapes() {
        check(n: 2, c: 2, o: 3, hw: 6, k: 3, stride: 2, padding: 1)
        check(n: 7, c: 4, o: 6, hw: 4, k: 3, groups: 2)
        check(n: 12, c: 1, o: 2, hw: 16, k: 3, padding: 1, bias: false)
        check(n: 2, c: 4, o: 6, hw: 5, k: 3, padding: 1, groups: 2)
        check(n: 2, c: 3, o: 3, hw: 5, k: 3, stride: 2, padding: 1, groups: 3, bias: false)
    }

    func testGroupsAndDepthwise() {
        check(n: 3, c: 8, o: 12, hw: 6, k: 3, padding: 1, groups: 4)
        check(n: 2, c: 16, o: 16, hw: 6, k: 3, stride: 2, padding: 1, groups: 16, bias: false)
    }

    /// An odd batch gives the two workers chunks of different sizes (two cached primitives).
    func testOddBatch() {
        check(n: 7, c: 16, o: 16, hw: 8, k: 3, padding: 1)
    }

    /// The channel minimum applies only to inputs that need a gradient: a first layer on images runs
    /// on oneDNN (its output stays blocked for the next layers), a 1-channel input with a gradient on
    /// the reference.
    func testChannelMinimumAppliesOnlyToInputsThatNeedAGradient() {
        var rng = SplitMix64(seed: 12)
        let weight = Tensor.kaimingNormal([16, 1, 3, 3], using: &rng)
        weight.requiresGrad = true
        let images = Tensor.randomNormal([4, 1, 6, 6], using: &rng)
        TensorBackend.with(.onednn) {
            let start = TensorBackend.oneDNNExecutions
            _ = images.conv2d(weight: weight, padding: 1)
            XCTAssertGreaterThan(TensorBackend.oneDNNExecutions, start, "images without a gradient: oneDNN")
            let withGradient = Tensor(shape: images.shape, data: images.data, requiresGrad: true)
            let middle = TensorBackend.oneDNNExecutions
            _ = withGradient.conv2d(weight: weight, padding: 1)
            XCTAssertEqual(TensorBackend.oneDNNExecutions, middle, "1-channel input with a gradient: the reference")
        }
    }
}
