import NASTensor
import TestSupport
import XCTest

/// Checks of matrix products.
final class LinearAlgebraOpTests: XCTestCase {
    func testMatmul2D() throws {
        try helperTestOp([[3, 4], [4, 5]], numpy: "out = x[0] @ x[1]", forward: .multilinear(roundings: 4)) { $0[0].matmul($0[1]) }
        try helperTestOp([[4, 3], [4, 5]], numpy: "out = x[0].T @ x[1]", forward: .multilinear(roundings: 4)) { $0[0].matmul($0[1], transposeSelf: true) }
        try helperTestOp([[3, 4], [5, 4]], numpy: "out = x[0] @ x[1].T", forward: .multilinear(roundings: 4)) { $0[0].matmul($0[1], transposeOther: true) }
        try helperTestOp([[4, 3], [5, 4]], numpy: "out = x[0].T @ x[1].T", forward: .multilinear(roundings: 4)) {
            $0[0].matmul($0[1], transposeSelf: true, transposeOther: true)
        }
    }

    func testMatmulBatchedAndShared() throws {
        try helperTestOp([[2, 3, 4], [2, 4, 2]], numpy: "out = x[0] @ x[1]", forward: .multilinear(roundings: 4)) { $0[0].matmul($0[1]) }
        try helperTestOp([[3, 3, 4], [4, 2]], numpy: "out = x[0] @ x[1]", forward: .multilinear(roundings: 4)) { $0[0].matmul($0[1]) }
        try helperTestOp([[3, 4], [2, 4, 2]], numpy: "out = x[0] @ x[1]", forward: .multilinear(roundings: 4)) { $0[0].matmul($0[1]) }
        try helperTestOp([[2, 4, 3], [2, 2, 4]], numpy: "out = np.swapaxes(x[0], 1, 2) @ np.swapaxes(x[1], 1, 2)", forward: .multilinear(roundings: 4)) {
            $0[0].matmul($0[1], transposeSelf: true, transposeOther: true)
        }
    }

    func testLargeMatmulUsesParallelPathCorrectly() throws {
        // Large enough (2*64*128*600 flops > 8e6) to split rows across workers.
        try helperTestOp([[64, 600], [600, 128]], numpy: "out = x[0] @ x[1]", forward: .multilinear(roundings: 600), gradCheck: false) { $0[0].matmul($0[1]) }
    }

    /// The gradients of a large product (parallel path) equal the products
    /// `G B^T` and `A^T G` computed by the forward path checked against NumPy above.
    func testLargeMatmulGradients() {
        var rng = SplitMix64(seed: 8)
        let a = Tensor.randomUniform([64, 600], bound: 1, requiresGrad: true, using: &rng)
        let b = Tensor.randomUniform([600, 128], bound: 1, requiresGrad: true, using: &rng)
        let w = Tensor.randomUniform([64, 128], bound: 1, using: &rng)
        (a.matmul(b) * w).sum().backward()
        let ga = GradMode.withNoGrad { w.matmul(b, transposeOther: true) }
        let gb = GradMode.withNoGrad { a.matmul(w, transposeSelf: true) }
        // Two Float32 products of the same K terms each lie within gamma_K * sum|terms| of the exact
        // value, so they differ by at most twice that: 2 * gamma_K <= gamma_2K.
        let abs = { (t: Tensor) in Tensor(shape: t.shape, data: t.data.map { Swift.abs($0) }) }
        let magA = GradMode.withNoGrad { abs(w).matmul(abs(b), transposeOther: true) }
        let magB = GradMode.withNoGrad { abs(a).matmul(abs(w), transposeSelf: true) }
        assertWithinFloat32Bound(a.gradStorage ?? [], ga.data.map(Double.init), magnitude: magA.data.map(Double.init),
                                 roundings: 2 * 128 + 2, what: "dA")
        assertWithinFloat32Bound(b.gradStorage ?? [], gb.data.map(Double.init), magnitude: magB.data.map(Double.init),
                                 roundings: 2 * 64 + 2, what: "dB")
    }
}
