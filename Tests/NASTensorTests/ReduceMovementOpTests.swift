import NASTensor
import XCTest

/// Checks of reductions and movement ops.
final class ReduceMovementOpTests: XCTestCase {
    func testSum() throws {
        try helperTestOp([[3, 4, 5]], numpy: "out = x[0].sum()", forward: .multilinear(roundings: 60)) { $0[0].sum() }
        try helperTestOp([[3, 4, 5]], numpy: "out = x[0].sum(axis=1)", forward: .multilinear(roundings: 4)) { $0[0].sum(axes: [1]) }
        try helperTestOp([[3, 4, 5]], numpy: "out = x[0].sum(axis=(0, 2), keepdims=True)", forward: .multilinear(roundings: 15)) {
            $0[0].sum(axes: [0, -1], keepDims: true)
        }
    }

    func testMean() throws {
        try helperTestOp([[3, 4, 5]], numpy: "out = x[0].mean(axis=2)", forward: .multilinear(roundings: 6)) { $0[0].mean(axes: [2]) }
        try helperTestOp([[2, 6]], numpy: "out = x[0].mean()", forward: .multilinear(roundings: 13)) { $0[0].mean() }
    }

    func testMax() throws {
        try helperTestOp([[3, 4, 5]], kind: .distinct, numpy: "out = x[0].max(axis=1)") { $0[0].max(axes: [1]) }
        try helperTestOp([[3, 4, 5]], kind: .distinct, numpy: "out = x[0].max(axis=(0, 2), keepdims=True)") {
            $0[0].max(axes: [0, 2], keepDims: true)
        }
        try helperTestOp([[4, 5]], kind: .distinct, numpy: "out = x[0].max()") { $0[0].max() }
    }

    func testMaxTiesShareGradient() {
        let x = Tensor(shape: [4], data: [1, 3, 3, 0], requiresGrad: true)
        x.max().backward()
        XCTAssertEqual(x.gradStorage, [0, 0.5, 0.5, 0])
    }

    func testReshapeFlatten() throws {
        try helperTestOp([[2, 3, 4]], numpy: "out = x[0].reshape(6, 4)") { $0[0].reshaped([6, -1]) }
        try helperTestOp([[2, 3, 2, 2]], numpy: "out = x[0].reshape(2, 12)") { $0[0].flattened() }
    }

    func testPermuteTranspose() throws {
        try helperTestOp([[2, 3, 4]], numpy: "out = x[0].transpose(2, 0, 1)") { $0[0].permuted([2, 0, 1]) }
        try helperTestOp([[3, 5]], numpy: "out = x[0].T") { $0[0].transposed() }
        try helperTestOp([[2, 3, 4]], numpy: "out = np.swapaxes(x[0], 0, 2)") { $0[0].transposed(0, 2) }
    }

    func testConcat() throws {
        try helperTestOp([[2, 3], [2, 2], [2, 1]], numpy: "out = np.concatenate(x, axis=1)") {
            Tensor.cat($0, axis: 1)
        }
        try helperTestOp([[1, 3, 2], [2, 3, 2]], numpy: "out = np.concatenate(x, axis=0)") {
            Tensor.cat($0, axis: 0)
        }
    }
}
