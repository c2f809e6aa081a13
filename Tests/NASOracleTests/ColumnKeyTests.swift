import NASOracle
import XCTest

final class ColumnKeyTests: XCTestCase {
    func testNamesRoundTrip() throws {
        let keys = [
            ColumnKey(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200),
            ColumnKey(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200, seed: 2),
            ColumnKey(dataset: .imagenet16, split: .none, metric: .params),
            ColumnKey(dataset: "darcy", split: .none, metric: .latency, device: "pi5-onnx"),
        ]
        for key in keys { XCTAssertEqual(try ColumnKey(name: key.name), key) }
        XCTAssertEqual(keys[1].name, "cifar10-valid.valid.accuracy.e200.seed2")
        XCTAssertEqual(keys[1].meanKey, keys[0])
    }

    func testBadNamesSayWhatIsExpected() {
        XCTAssertThrowsError(try ColumnKey(name: "cifar10.validation.accuracy")) { error in
            XCTAssertTrue("\(error)".contains("unknown split 'validation'"), "\(error)")
        }
        XCTAssertThrowsError(try ColumnKey(name: "cifar10.test.acc.e200")) { error in
            XCTAssertTrue("\(error)".contains("unknown metric 'acc'"), "\(error)")
        }
        XCTAssertThrowsError(try ColumnKey(name: "cifar10.test.accuracy.e200.x")) { error in
            XCTAssertTrue("\(error)".contains("unexpected part 'x'"), "\(error)")
        }
        XCTAssertThrowsError(try ColumnKey(name: "cifar10")) { error in
            XCTAssertTrue("\(error)".contains("expected dataset.split.metric"), "\(error)")
        }
    }
}
