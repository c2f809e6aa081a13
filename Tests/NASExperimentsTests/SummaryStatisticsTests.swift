import NASExperiments
import XCTest

final class SummaryStatisticsTests: XCTestCase {
    func testMeanMedianAndSampleStd() {
        // numpy: mean 5.0, median 4.5, std(ddof=1) 2.138089935299395.
        let s = SummaryStatistics([2, 4, 4, 4, 5, 5, 7, 9])
        XCTAssertEqual(s.count, 8)
        XCTAssertEqual(s.mean, 5)
        XCTAssertEqual(s.median, 4.5)
        XCTAssertEqual(s.std, 2.138089935299395, accuracy: 1e-12)
        XCTAssertEqual(SummaryStatistics([3, 1, 2]).median, 2)
        XCTAssertTrue(SummaryStatistics([1]).std.isNaN)
        XCTAssertTrue(SummaryStatistics([]).mean.isNaN)
    }
}
