import NASTensor
import XCTest

/// Checks of softmax, losses.
final class LossOpTests: XCTestCase {
    func testLogSoftmaxAndSoftmax() throws {
        try helperTestOp([[3, 5]], kind: .distinct, numpy: "out = log_softmax(x[0], axis=1)",
                         forward: .magnitude(roundings: 5 + 6, numpy: "out = lsm_magnitude(x[0], axis=1)")) { $0[0].logSoftmax(axis: 1) }
        try helperTestOp([[2, 3, 4]], kind: .distinct, numpy: "out = np.exp(log_softmax(x[0], axis=1))",
                         forward: .magnitude(roundings: 3 + 8,
                                             numpy: "out = np.exp(log_softmax(x[0], axis=1)) * lsm_magnitude(x[0], axis=1)")) {
            $0[0].softmax(axis: 1)
        }
    }

    func testSoftmaxCrossEntropy() throws {
        let labels = [2, 0, 4, 1]
        try helperTestOp([[4, 5]], kind: .distinct,
                         numpy: "out = -log_softmax(x[0], axis=1)[np.arange(4), [2, 0, 4, 1]].mean()",
                         forward: .magnitude(roundings: 5 + 6 + 4,
                                             numpy: "out = lsm_magnitude(x[0], axis=1)[np.arange(4), [2, 0, 4, 1]].mean()")) {
            $0[0].softmaxCrossEntropy(labels: labels)
        }
    }

    func testCrossEntropyIsStableForLargeLogits() {
        let x = Tensor(shape: [1, 3], data: [1000, 0, -1000])
        XCTAssertEqual(x.softmaxCrossEntropy(labels: [0]).item, 0, accuracy: 1e-6)
        XCTAssertEqual(x.softmaxCrossEntropy(labels: [1]).item, 1000, accuracy: 1e-3)
    }

    func testMSE() throws {
        try helperTestOp([[3, 4], [3, 4]], numpy: "out = ((x[0] - x[1]) ** 2).mean()",
                         forward: .magnitude(roundings: 12 + 4, numpy: "out = ((x[0] - x[1]) ** 2).mean()")) { $0[0].mseLoss($0[1]) }
    }
}
