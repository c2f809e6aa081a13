import NASTensor
import TestSupport
import XCTest

/// Checks of convolution, pooling and batch normalisation against NumPy and finite differences,
/// on the reference kernels and on oneDNN (`helperTestOpBothBackends`).
final class ConvPoolOpTests: XCTestCase {
    func testConvBasic() throws {
        try helperTestOpBothBackends([[2, 3, 5, 5], [4, 3, 3, 3], [4]], numpy: "out = conv2d(x[0], x[1], x[2])", forward: .multilinear(roundings: 28)) {
            $0[0].conv2d(weight: $0[1], bias: $0[2])
        }
    }

    func testConvStridePadding() throws {
        try helperTestOpBothBackends([[2, 2, 6, 7], [3, 2, 3, 3], [3]],
                         numpy: "out = conv2d(x[0], x[1], x[2], stride=2, pad=1)", forward: .multilinear(roundings: 19)) {
            $0[0].conv2d(weight: $0[1], bias: $0[2], stride: 2, padding: 1)
        }
    }

    func testConvDilationNoBias() throws {
        try helperTestOpBothBackends([[1, 2, 7, 7], [2, 2, 3, 3]], numpy: "out = conv2d(x[0], x[1], pad=2, dil=2)", forward: .multilinear(roundings: 18)) {
            $0[0].conv2d(weight: $0[1], padding: 2, dilation: 2)
        }
    }

    func testConvGroupsAndDepthwise() throws {
        try helperTestOpBothBackends([[2, 4, 5, 5], [6, 2, 3, 3], [6]], numpy: "out = conv2d(x[0], x[1], x[2], pad=1, groups=2)", forward: .multilinear(roundings: 19)) {
            $0[0].conv2d(weight: $0[1], bias: $0[2], padding: 1, groups: 2)
        }
        try helperTestOpBothBackends([[2, 3, 5, 5], [3, 1, 3, 3]], numpy: "out = conv2d(x[0], x[1], stride=2, pad=1, groups=3)", forward: .multilinear(roundings: 9)) {
            $0[0].conv2d(weight: $0[1], stride: 2, padding: 1, groups: 3)
        }
    }

    /// Batches large enough that each worker lays several images side by side
    /// in one column matrix, with a ragged last block.
    func testConvBlockedBatches() throws {
        try helperTestOpBothBackends([[7, 4, 4, 4], [6, 2, 3, 3], [6]], numpy: "out = conv2d(x[0], x[1], x[2], groups=2)", forward: .multilinear(roundings: 19)) {
            $0[0].conv2d(weight: $0[1], bias: $0[2], groups: 2)
        }
        try helperTestOpBothBackends([[12, 1, 16, 16], [2, 1, 3, 3]], numpy: "out = conv2d(x[0], x[1], pad=1)", forward: .multilinear(roundings: 9)) {
            $0[0].conv2d(weight: $0[1], padding: 1)
        }
    }

    func testConvPointwise() throws {
        try helperTestOpBothBackends([[3, 4, 3, 3], [5, 4, 1, 1], [5]], numpy: "out = conv2d(x[0], x[1], x[2])", forward: .multilinear(roundings: 5)) {
            $0[0].conv2d(weight: $0[1], bias: $0[2])
        }
    }

    func testMaxPool() throws {
        try helperTestOpBothBackends([[2, 2, 6, 6]], kind: .distinct, numpy: "out = pool2d(x[0], 2, 2, 0, 'max')") {
            $0[0].maxPool2d(kernel: 2)
        }
        try helperTestOpBothBackends([[1, 2, 5, 5]], kind: .distinct, numpy: "out = pool2d(x[0], 3, 2, 1, 'max')") {
            $0[0].maxPool2d(kernel: 3, stride: 2, padding: 1)
        }
    }

    func testAvgPool() throws {
        try helperTestOpBothBackends([[2, 2, 6, 6]], numpy: "out = pool2d(x[0], 2, 2, 0, 'avg')", forward: .multilinear(roundings: 5)) { $0[0].avgPool2d(kernel: 2) }
        try helperTestOpBothBackends([[1, 2, 5, 5]], numpy: "out = pool2d(x[0], 3, 1, 1, 'avg')", forward: .multilinear(roundings: 10)) {
            $0[0].avgPool2d(kernel: 3, stride: 1, padding: 1)
        }
    }

    func testGlobalAvgPool() throws {
        try helperTestOp([[2, 3, 4, 5]], numpy: "out = x[0].mean(axis=(2, 3))", forward: .multilinear(roundings: 21)) { $0[0].globalAvgPool2d() }
    }

    func testBatchNormTraining() throws {
        try helperTestOpBothBackends([[4, 3, 2, 2], [3], [3]], kinds: [.uniform(-2, 2), .uniform(0.5, 1.5), .uniform(-1, 1)],
                         numpy: "out = batchnorm(x[0], x[1], x[2])",
                         forward: .magnitude(roundings: 16 + 8, numpy: "out = bn_magnitude(x[0], x[1], x[2])")) {
            let c = $0[0].shape[1]
            return $0[0].batchNorm(gamma: $0[1], beta: $0[2], runningMean: .init(repeating: 0, count: c),
                                   runningVar: .init(repeating: 1, count: c), training: true).0
        }
        try helperTestOpBothBackends([[6, 4], [4], [4]], kinds: [.uniform(-2, 2), .uniform(0.5, 1.5), .uniform(-1, 1)],
                         numpy: "out = batchnorm(x[0], x[1], x[2])",
                         forward: .magnitude(roundings: 6 + 8, numpy: "out = bn_magnitude(x[0], x[1], x[2])")) {
            $0[0].batchNorm(gamma: $0[1], beta: $0[2], runningMean: [0, 0, 0, 0], runningVar: [1, 1, 1, 1],
                            training: true).0
        }
    }

    func testBatchNormInference() throws {
        let mean: [Float] = [0.1, -0.2, 0.3], variance: [Float] = [0.5, 1.5, 2.0]
        try helperTestOpBothBackends([[2, 3, 2, 2], [3], [3]], kinds: [.uniform(-2, 2), .uniform(0.5, 1.5), .uniform(-1, 1)],
                         numpy: "out = batchnorm(x[0], x[1], x[2], mean=np.array([0.1, -0.2, 0.3]), var=np.array([0.5, 1.5, 2.0]))",
                         forward: .magnitude(roundings: 8, numpy: "out = bn_magnitude(x[0], x[1], x[2], mean=np.array([0.1, -0.2, 0.3]), var=np.array([0.5, 1.5, 2.0]))")) {
            $0[0].batchNorm(gamma: $0[1], beta: $0[2], runningMean: mean, runningVar: variance, training: false).0
        }
    }

    func testBatchNormModuleRunningStats() throws {
        var rng = SplitMix64(seed: 3)
        let bn = BatchNorm2d(2, momentum: 0.1)
        let x = Tensor.randomNormal([8, 2, 3, 3], std: 2, using: &rng)
        _ = bn(x)
        let ref = try NumpyReference.evaluate("""
            m = x[0].mean(axis=(0, 2, 3)); v = x[0].var(axis=(0, 2, 3), ddof=1)
            n = x[0].size / x[0].shape[1]; sq = (x[0] ** 2).mean(axis=(0, 2, 3))
            outs = [0.1 * m, 0.9 + 0.1 * v, 0.1 * np.abs(x[0]).mean(axis=(0, 2, 3)), 0.9 + 0.1 * (sq + m * m) * n / (n - 1)]
            """, inputs: [x])
        // 72 values a channel; the variance's magnitude allows for E[x^2] - mean^2 cancelling.
        assertWithinFloat32Bound(bn.runningMean.data, ref[0].data, magnitude: ref[2].data, roundings: 72 + 4, what: "running mean")
        assertWithinFloat32Bound(bn.runningVar.data, ref[1].data, magnitude: ref[3].data, roundings: 72 + 8, what: "running var")
        bn.eval()
        let y = bn(x)
        XCTAssertFalse(y.data == x.data)
        XCTAssertEqual(bn.runningMean.data, bn.runningMean.data)
    }
}
