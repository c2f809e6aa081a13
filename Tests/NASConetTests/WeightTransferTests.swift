import Foundation
import NASConet
import TestSupport
import XCTest

/// CONetV2's weight transfer against a numpy restatement of the authors' steps
/// (tools/reference/weight_transfer_reference.py), and the properties the trial loop relies on.
final class WeightTransferTests: XCTestCase {
    typealias Shape = WeightTransfer.Shape

    static func shape(_ s: [Int]) -> Shape { Shape(outChannels: s[0], inChannels: s[1], kh: s[2], kw: s[3]) }

    func testMatchesTheNumpyRestatementOfTheAuthorsSteps() throws {
        struct Case: Decodable { let old_shape: [Int], new_shape: [Int], old: [Double], new: [Double] }
        try ReferencePython.require(["numpy"])
        let cases = try JSONDecoder().decode(
            [Case].self, from: ReferencePython.runTool("reference/weight_transfer_reference.py", ["20261204"]))
        XCTAssertEqual(cases.count, 15)
        for c in cases {
            let ours = try WeightTransfer.transfer(c.old.map(Float.init), from: Self.shape(c.old_shape), to: Self.shape(c.new_shape))
            XCTAssertEqual(ours.count, c.new.count, "\(c.old_shape) -> \(c.new_shape)")
            let worst = zip(ours, c.new).map { abs(Double($0) - $1) / max(1, abs($1)) }.max() ?? 0
            XCTAssertLessThan(worst, 1e-5, "\(c.old_shape) -> \(c.new_shape)")
        }
    }

    func testUnchangedWidthsKeepTheWeightBitForBit() throws {
        let w = (0..<(16 * 8 * 9)).map { Float(sin(Double($0))) }
        let s = Shape(outChannels: 16, inChannels: 8, kh: 3, kw: 3)
        XCTAssertEqual(try WeightTransfer.transfer(w, from: s, to: s), w)
    }

    /// A weight whose unfolding has rank 3: shrinking to channel counts that still allow rank 3
    /// keeps exactly its leading block (the truncation drops only zero singular values).
    func testShrinkingNoFurtherThanTheRankKeepsTheLeadingBlock() throws {
        let co = 12, ci = 10, k = 9
        var w = [Float](repeating: 0, count: co * ci * k)
        for p in 0..<3 {
            for i in 0..<co {
                for j in 0..<(ci * k) { w[i * ci * k + j] += Float(cos(Double(i * (p + 1)) + 0.3 * Double(p)) * sin(Double(j + 7 * p))) }
            }
        }
        let new = try WeightTransfer.transfer(w, from: Shape(outChannels: co, inChannels: ci, kh: 3, kw: 3),
                                              to: Shape(outChannels: 5, inChannels: 4, kh: 3, kw: 3))
        for i in 0..<5 {
            for j in 0..<(4 * k) { XCTAssertEqual(new[i * 4 * k + j], w[i * ci * k + j], accuracy: 1e-5) }
        }
    }

    func testDoublingAppendsCopiesOfTheOldFilters() throws {
        let w = (0..<(4 * 3 * 9)).map { Float($0) }
        let new = try WeightTransfer.transfer(w, from: Shape(outChannels: 4, inChannels: 3, kh: 3, kw: 3),
                                              to: Shape(outChannels: 8, inChannels: 6, kh: 3, kw: 3))
        for o in 0..<8 {
            for i in 0..<6 {
                for t in 0..<9 { XCTAssertEqual(new[(o * 6 + i) * 9 + t], w[((o % 4) * 3 + i % 3) * 9 + t]) }
            }
        }
    }

    func testUndefinedTransfersAreOneLineErrors() {
        let s = Shape(outChannels: 4, inChannels: 3, kh: 3, kw: 3)
        let w = [Float](repeating: 1, count: s.count)
        XCTAssertThrowsError(try WeightTransfer.transfer(w, from: s, to: Shape(outChannels: 9, inChannels: 3, kh: 3, kw: 3))) {
            XCTAssertEqual("\($0)", "weight transfer: output channels 4 to 9: growth beyond a factor 2 is not defined")
        }
        XCTAssertThrowsError(try WeightTransfer.transfer(w, from: s, to: Shape(outChannels: 4, inChannels: 3, kh: 1, kw: 1)))
        XCTAssertThrowsError(try WeightTransfer.transfer(Array(w.dropLast()), from: s, to: s))
        XCTAssertThrowsError(try WeightTransfer.transfer(w, from: s, to: Shape(outChannels: 0, inChannels: 3, kh: 3, kw: 3)))
    }
}
