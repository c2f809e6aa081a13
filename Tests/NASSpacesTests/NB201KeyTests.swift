import NASSpaces
import XCTest

final class NB201KeyTests: XCTestCase {
    private let space = NB201Space()

    private func cell(_ text: String) throws -> NB201Cell {
        try space.parse(text)
    }

    // MARK: NB201's own key

    func testBenchmarkKeyExamples() throws {
        XCTAssertEqual(try cell("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|").nb201Key, "#+#+#")
        // The README's example: node 2 is "#+#" and is skip-connected as one term.
        XCTAssertEqual(try cell("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|skip_connect~2|").nb201Key, "#+#+#+0")
        XCTAssertEqual(
            try cell("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|").nb201Key,
            "#+(#+#)@nor_conv_3x3+0")
        XCTAssertEqual(
            try cell("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|")
                .nb201Key,
            "(((0)@nor_conv_3x3)@nor_conv_3x3+(0)@nor_conv_3x3)@nor_conv_1x1+((0)@nor_conv_3x3)@nor_conv_3x3+0")
        XCTAssertEqual(space.isomorphismKey(try cell("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")), "#+#+#")
    }

    func testBenchmarkKeyHas6466Classes() {
        XCTAssertEqual(Set(space.allCells.map(\.nb201Key)).count, 6_466)
    }

    /// Correctness over the whole space; the time is printed, not asserted (speed belongs to `make bench`).
    func testBenchmarkKeyForWholeSpace() {
        let cells = space.allCells
        let clock = ContinuousClock()
        var keys: [String] = []
        let elapsed = clock.measure {
            keys = cells.map(\.nb201Key)
        }
        XCTAssertEqual(keys.count, 15_625)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print("nb201Key for 15,625 cells: \(seconds) s")
    }

    // MARK: Functional key

    /// Recorded class counts of the functional keys on the full space.
    static let functionalClassCount = 4_930
    static let functionalLinearPoolingClassCount = 4_660

    func testFunctionalKeyMergesEquivalentCells() throws {
        let pairs: [(String, String, String)] = [
            // "#" terms and skip-connected zero sums vanish.
            ("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|skip_connect~2|",
             "|avg_pool_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|", "x"),
            // An op applied to a zero sum ("(#+#)@op") is zero.
            ("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|",
             "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|", "x"),
            // Nested sums are flattened and re-sorted.
            ("|skip_connect~0|+|avg_pool_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|none~1|skip_connect~2|",
             "|skip_connect~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|nor_conv_3x3~0|none~1|skip_connect~2|",
             "avg_pool_3x3(x)+nor_conv_1x1(x)+nor_conv_3x3(x)"),
            // Nodes that do not reach the output are ignored.
            ("|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|nor_conv_1x1~0|none~1|none~2|",
             "|skip_connect~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|", "nor_conv_1x1(x)"),
        ]
        for (first, second, expected) in pairs {
            let a = try cell(first)
            let b = try cell(second)
            XCTAssertEqual(a.functionalKey(), expected, first)
            XCTAssertEqual(b.functionalKey(), expected, second)
            XCTAssertEqual(space.functionalKey(a, linearPooling: true), space.functionalKey(b, linearPooling: true))
        }
        // The first three pairs are split by the benchmark's own key.
        for (first, second, _) in pairs.prefix(3) {
            XCTAssertNotEqual(try cell(first).nb201Key, try cell(second).nb201Key)
        }
    }

    func testFunctionalKeySeparatesDifferentCells() throws {
        let pairs: [(String, String)] = [
            // x versus x + x: multiplicities count.
            ("|skip_connect~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|",
             "|skip_connect~0|+|none~0|none~1|+|skip_connect~0|skip_connect~1|none~2|"),
            // Different ops.
            ("|nor_conv_1x1~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|",
             "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|skip_connect~1|none~2|"),
            // conv(x + c(x)) versus conv(x) + conv(c(x)): convolutions are not split.
            ("|nor_conv_1x1~0|+|skip_connect~0|skip_connect~1|+|none~0|none~1|nor_conv_3x3~2|",
             "|nor_conv_1x1~0|+|none~0|none~1|+|nor_conv_3x3~0|nor_conv_3x3~1|none~2|"),
            // Composition order.
            ("|nor_conv_1x1~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|skip_connect~2|",
             "|nor_conv_3x3~0|+|none~0|nor_conv_1x1~1|+|none~0|none~1|skip_connect~2|"),
            // The zero function versus the identity.
            ("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
             "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|"),
        ]
        for (first, second) in pairs {
            let a = try cell(first)
            let b = try cell(second)
            XCTAssertNotEqual(a.functionalKey(), b.functionalKey(), "\(first) vs \(second)")
            XCTAssertNotEqual(a.functionalKey(linearPooling: true), b.functionalKey(linearPooling: true))
            XCTAssertNotEqual(a.nb201Key, b.nb201Key)
        }
        XCTAssertEqual(try cell("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|").functionalKey(), "zero")
    }

    func testLinearPoolingDistributesAveragePooling() throws {
        let a = try cell("|nor_conv_1x1~0|+|skip_connect~0|skip_connect~1|+|none~0|none~1|avg_pool_3x3~2|")
        let b = try cell("|nor_conv_1x1~0|+|none~0|none~1|+|avg_pool_3x3~0|avg_pool_3x3~1|none~2|")
        XCTAssertEqual(a.functionalKey(), "avg_pool_3x3(nor_conv_1x1(x)+x)")
        XCTAssertNotEqual(a.functionalKey(), b.functionalKey())
        XCTAssertEqual(a.functionalKey(linearPooling: true), "avg_pool_3x3(nor_conv_1x1(x))+avg_pool_3x3(x)")
        XCTAssertEqual(a.functionalKey(linearPooling: true), b.functionalKey(linearPooling: true))
    }

    /// The functional classes are unions of NB201 classes: cells with the same `nb201Key`
    /// always share the functional key. Together with the scalar-model test below this shows
    /// the functional key only merges NB201 classes whose cells compute the same function.
    func testFunctionalKeyCoarsensBenchmarkKeyAndRecordsClassCounts() {
        for linearPooling in [false, true] {
            var functionalOfBenchmark: [String: String] = [:]
            var functionalKeys = Set<String>()
            for cell in space.allCells {
                let key = cell.functionalKey(linearPooling: linearPooling)
                functionalKeys.insert(key)
                let previous = functionalOfBenchmark.updateValue(key, forKey: cell.nb201Key)
                XCTAssertTrue(previous == nil || previous == key, "NB201 class of \(cell) split")
            }
            XCTAssertEqual(functionalOfBenchmark.count, 6_466)
            XCTAssertLessThanOrEqual(functionalKeys.count, 6_466)
            XCTAssertEqual(
                functionalKeys.count,
                linearPooling ? Self.functionalLinearPoolingClassCount : Self.functionalClassCount)
        }
    }

    /// Equal functional key <=> equal output of the scalar model, over the whole space:
    /// soundness (no merge of different functions) and completeness (every identity of the
    /// model is used) at once.
    func testFunctionalKeyAgreesWithNumericalModel() {
        for linearPooling in [false, true] {
            var signatureOfKey: [String: [Double]] = [:]
            for cell in space.allCells {
                let signature = NB201ScalarModel.signature(of: cell, linearPooling: linearPooling)
                let key = cell.functionalKey(linearPooling: linearPooling)
                if let known = signatureOfKey[key] {
                    for (u, v) in zip(known, signature) {
                        XCTAssertEqual(u, v, accuracy: 1e-9, "\(cell) differs numerically from its key class \(key)")
                    }
                } else {
                    signatureOfKey[key] = signature
                }
            }
            let distinct = Set(signatureOfKey.values.map { $0.map { Int64(($0 * 1e8).rounded()) } })
            XCTAssertEqual(distinct.count, signatureOfKey.count, "two functional classes compute the same values")
        }
    }
}
