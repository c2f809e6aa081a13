import NASTensor
import XCTest

/// Linear on any rank, batched matmul with one transpose, index-select, slices, stack, cat,
/// one-hot: values against tools/reference/metad2a_reference.py (NumPy), gradients by finite differences.
final class IndexingOpTests: XCTestCase {
    func testLinearOnThreeDimensions() throws {
        // Multilinear: |x| |W|^T + |b| bounds the terms; 4 products and the bias are 5 roundings.
        try helperTestOp([[2, 3, 4], [5, 4], [5]], numpy: MetaD2AReference.snippet("R.linear(x[0], x[1], x[2])"),
                         forward: .multilinear(roundings: 5)) { Linear(weight: $0[1], bias: $0[2])($0[0]) }
    }

    func testLinearOnFourDimensionsWithoutBias() throws {
        try helperTestOp([[2, 2, 3, 4], [3, 4]], numpy: MetaD2AReference.snippet("R.linear(x[0], x[1])"),
                         forward: .multilinear(roundings: 4)) { Linear(weight: $0[1], bias: nil)($0[0]) }
    }

    func testLinearOnOneVector() throws {
        try helperTestOp([[4], [3, 4], [3]], numpy: MetaD2AReference.snippet("R.linear(x[0], x[1], x[2])"),
                         forward: .multilinear(roundings: 5)) { Linear(weight: $0[1], bias: $0[2])($0[0]) }
    }

    func testLinearOnThreeDimensionsIsTheRowwiseProduct() {
        var rng = SplitMix64(seed: 3)
        let layer = Linear(4, 3, using: &rng)
        let x = Tensor.randomNormal([2, 5, 4], using: &rng)
        let y = layer(x)
        XCTAssertEqual(y.shape, [2, 5, 3])
        let rows = layer(x.reshaped([10, 4]))
        for (a, b) in zip(y.data, rows.data) { XCTAssertEqual(a, b, accuracy: 1e-6) }
    }

    func testBatchedMatmulTransposingTheFirst() throws {
        try helperTestOp([[2, 4, 3], [2, 4, 5]], numpy: "out = np.swapaxes(x[0], 1, 2) @ x[1]",
                         forward: .multilinear(roundings: 4)) { $0[0].matmul($0[1], transposeSelf: true) }
    }

    func testBatchedMatmulTransposingTheSecond() throws {
        try helperTestOp([[2, 3, 4], [2, 5, 4]], numpy: "out = x[0] @ np.swapaxes(x[1], 1, 2)",
                         forward: .multilinear(roundings: 4)) { $0[0].matmul($0[1], transposeOther: true) }
    }

    func testIndexSelect() throws {
        let idx = [2, 0, 2, 3, 2]
        try helperTestOp([[3, 4, 5]], numpy: MetaD2AReference.snippet("R.index_select(x[0], \(idx), 1)"),
                         forward: .relative(roundings: 0)) { $0[0].indexSelect(axis: 1, indices: idx) }
        try helperTestOp([[3, 4]], numpy: MetaD2AReference.snippet("R.index_select(x[0], [1, 1, 0, 1], 0)"),
                         forward: .relative(roundings: 0)) { $0[0].indexSelect(axis: 0, indices: [1, 1, 0, 1]) }
        try helperTestOp([[2, 3, 4]], numpy: MetaD2AReference.snippet("R.index_select(x[0], [3, 0], -1)"),
                         forward: .relative(roundings: 0)) { $0[0].indexSelect(axis: -1, indices: [3, 0]) }
    }

    func testRepeatedIndicesAccumulateGradient() {
        let x = Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6], requiresGrad: true)
        let y = x.indexSelect(axis: 1, indices: [1, 1, 2, 1])
        XCTAssertEqual(y.shape, [2, 4])
        XCTAssertEqual(y.data, [2, 2, 3, 2, 5, 5, 6, 5])
        y.sum().backward()
        XCTAssertEqual(x.gradStorage, [0, 3, 1, 0, 3, 1])
        XCTAssertEqual(x.indexSelect(axis: 0, indices: []).shape, [0, 3])
    }

    func testSliced() throws {
        try helperTestOp([[3, 6, 2]], numpy: MetaD2AReference.snippet("R.narrow(x[0], 1, 1, 4)"),
                         forward: .relative(roundings: 0)) { $0[0].sliced(axis: 1, 1..<4) }
        try helperTestOp([[4, 3]], numpy: MetaD2AReference.snippet("R.narrow(x[0], 0, 2, 4)"),
                         forward: .relative(roundings: 0)) { $0[0].sliced(axis: 0, 2..<4) }
        try helperTestOp([[2, 3, 5]], numpy: MetaD2AReference.snippet("R.narrow(x[0], 2, 0, 5)"),
                         forward: .relative(roundings: 0)) { $0[0].sliced(axis: -1, 0..<5) }
        XCTAssertEqual(Tensor.zeros([2, 3]).sliced(axis: 1, 1..<1).shape, [2, 0])
    }

    func testStackOnLeadingAxes() throws { try checkStack([0, 1]) }
    func testStackOnTrailingAxes() throws { try checkStack([2, -1]) }

    private func checkStack(_ axes: [Int], file: StaticString = #filePath, line: UInt = #line) throws {
        for axis in axes {
            try helperTestOp([[2, 3], [2, 3], [2, 3]], numpy: MetaD2AReference.snippet("R.stack(x, \(axis))"),
                             forward: .relative(roundings: 0), file: file, line: line) { Tensor.stack($0, axis: axis) }
        }
    }

    func testCatOnAMiddleAxisAndWithAConstant() throws {
        try helperTestOp([[2, 1, 3], [2, 3, 3], [2, 2, 3]], numpy: "out = np.concatenate(x, axis=1)",
                         forward: .relative(roundings: 0)) { Tensor.cat($0, axis: -2) }
        let a = Tensor(shape: [2, 1], data: [1, 2], requiresGrad: true)
        let c = Tensor(shape: [2, 2], data: [3, 4, 5, 6])
        let y = Tensor.cat([c, a, c], axis: 1)
        XCTAssertEqual(y.data, [3, 4, 1, 3, 4, 5, 6, 2, 5, 6])
        (y * Tensor(shape: [2, 5], data: (0..<10).map(Float.init))).sum().backward()
        XCTAssertEqual(a.gradStorage, [2, 7])
        XCTAssertNil(c.gradStorage)
    }

    func testOneHot() {
        let t = Tensor.oneHot([2, 0, 2], classes: 3)
        XCTAssertEqual(t.shape, [3, 3])
        XCTAssertEqual(t.data, [0, 0, 1, 1, 0, 0, 0, 0, 1])
    }
}
