import Foundation
import NASConet
import TestSupport
import XCTest

/// CONetV2's layer metric against a numpy port of the authors' metrics.py
/// (tools/reference/conet_metric_reference.py): 30 conv weights of 10 shapes (3x3 and 1x1, wider
/// and taller unfoldings), half with a planted low-rank part, rank/condition/KG/QC of both modes.
final class LayerQualityTests: XCTestCase {
    struct Measures: Decodable { let rank, condition, kg, qc: Double }
    struct Case: Decodable {
        let shape: [Int]
        let weight: [Double]
        let input: Measures?
        let output: Measures?
    }

    func testMatchesTheNumpyPortOfTheAuthorsMetric() throws {
        try ReferencePython.require(["numpy", "scipy"])
        let output = try ReferencePython.runTool("reference/conet_metric_reference.py", ["20261204"])
        let cases = try JSONDecoder().decode([Case].self, from: output)
        XCTAssertEqual(cases.count, 30)
        var ranked = 0, refused = 0
        for (i, c) in cases.enumerated() {
            let ours = try LayerQuality(
                weight: c.weight.map(Float.init), outChannels: c.shape[0], inChannels: c.shape[1], kh: c.shape[2], kw: c.shape[3])
            for (name, mine, theirs) in [("input", ours.input, c.input), ("output", ours.output, c.output)] {
                guard let theirs else {
                    XCTAssertNil(mine, "case \(i) \(name): the reference refused, we did not")
                    refused += 1
                    continue
                }
                let m = try XCTUnwrap(mine, "case \(i) \(name): we refused, the reference did not")
                XCTAssertEqual(m.rank, theirs.rank, "case \(i) \(c.shape) \(name) rank")
                XCTAssertEqual(m.condition, theirs.condition, accuracy: 1e-6 * max(1, theirs.condition), "case \(i) \(name) condition")
                XCTAssertEqual(m.knowledgeGain, theirs.kg, accuracy: 1e-6, "case \(i) \(name) KG")
                XCTAssertEqual(m.quality, theirs.qc, accuracy: 1e-6, "case \(i) \(name) QC")
                if theirs.rank > 0 { ranked += 1 }
            }
        }
        XCTAssertGreaterThan(ranked, 10, "too few modes with a non-zero rank to test the metric")
        print("LayerQuality: \(ranked) modes with rank > 0, \(refused) refused by EVBMF as SciPy refuses them")
    }

    func testAWeightThatDoesNotFillItsShapeIsATypedError() {
        XCTAssertThrowsError(try LayerQuality(weight: [Float](repeating: 1, count: 17), outChannels: 2, inChannels: 1, kh: 3, kw: 3)) {
            XCTAssertTrue($0 is LayerQuality.InvalidWeight, "\($0)")
        }
        XCTAssertThrowsError(try LayerQuality(weight: [], outChannels: 0, inChannels: 4, kh: 3, kw: 3))
    }
}
