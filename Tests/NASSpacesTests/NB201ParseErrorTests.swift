import Foundation
import NASSpaces
import XCTest

final class NB201ParseErrorTests: XCTestCase {
    private let space = NB201Space()
    private let node1 = "|nor_conv_3x3~0|"
    private let node2 = "|nor_conv_3x3~0|nor_conv_3x3~1|"
    private let node3 = "|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|"

    /// Asserts that parsing `text` throws `expected` and that its message contains `fragments`.
    private func assertError(
        _ text: String, _ expected: NB201ParseError, mentions fragments: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            let cell = try space.parse(text)
            XCTFail("'\(text)' parsed as \(cell), expected \(expected)", file: file, line: line)
        } catch let error as NB201ParseError {
            XCTAssertEqual(error, expected, file: file, line: line)
            let message = error.description
            for fragment in fragments {
                XCTAssertTrue(message.contains(fragment), "'\(message)' lacks '\(fragment)'", file: file, line: line)
            }
            XCTAssertEqual(error.errorDescription, message, file: file, line: line)
            XCTAssertEqual(error.localizedDescription, message, file: file, line: line)
        } catch {
            XCTFail("unexpected error type \(type(of: error)): \(error)", file: file, line: line)
        }
    }

    func testEmptyString() {
        assertError("", .empty, mentions: ["empty cell string", "|op~0|+|op~0|op~1|+|op~0|op~1|op~2|"])
    }

    func testUnknownOpNamesTokenEdgeAndChoices() {
        assertError(
            "\(node1)+|nor_conv_3x3~0|conv5x5~1|+\(node3)", .unknownOp(edge: 2, token: "conv5x5"),
            mentions: [
                "unknown op 'conv5x5' at edge 2",
                "(expected one of: none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)",
            ])
        assertError(
            "|Nor_conv_3x3~0|+\(node2)+\(node3)", .unknownOp(edge: 0, token: "Nor_conv_3x3"),
            mentions: ["unknown op 'Nor_conv_3x3' at edge 0"])
        assertError(
            "\(node1)+\(node2)+|skip_connect~0|nor_conv_3x3~1|~2|", .unknownOp(edge: 5, token: ""),
            mentions: ["unknown op '' at edge 5 (3<-2)"])
    }

    func testWrongNodeCount() {
        assertError("\(node1)+\(node2)", .wrongNodeCount(found: 2), mentions: ["found 2, expected 3"])
        assertError("\(node1)+\(node2)+\(node3)+", .wrongNodeCount(found: 4), mentions: ["found 4, expected 3"])
        assertError("nor_conv_3x3~0", .wrongNodeCount(found: 1), mentions: ["wrong number of nodes"])
    }

    func testWrongEdgeCount() {
        assertError(
            "\(node1)+|nor_conv_3x3~0|nor_conv_3x3~1|none~2|+\(node3)", .wrongEdgeCount(node: 2, found: 3),
            mentions: ["wrong number of edges at node 2: found 3, expected 2"])
        assertError(
            "\(node1)+\(node2)+|skip_connect~0|nor_conv_3x3~1|", .wrongEdgeCount(node: 3, found: 2),
            mentions: ["at node 3: found 2, expected 3"])
    }

    func testMalformedSeparators() {
        assertError(
            "nor_conv_3x3~0+\(node2)+\(node3)", .malformedSeparator(node: 1, fragment: "nor_conv_3x3~0"),
            mentions: ["malformed separator in node 1 'nor_conv_3x3~0'"])
        assertError(
            "\(node1)+|nor_conv_3x3~0||nor_conv_3x3~1|+\(node3)",
            .malformedSeparator(node: 2, fragment: "|nor_conv_3x3~0||nor_conv_3x3~1|"),
            mentions: ["node 2"])
        assertError(
            " \(node1)+\(node2)+\(node3)", .malformedSeparator(node: 1, fragment: " \(node1)"),
            mentions: ["node 1"])
        assertError(
            "\(node1)+\(node2)+\(node3)\n", .malformedSeparator(node: 3, fragment: "\(node3)\n"),
            mentions: ["node 3"])
        assertError(
            "\(node1)++\(node3)", .malformedSeparator(node: 2, fragment: ""), mentions: ["node 2 ''"])
        assertError("\(node1)+||+\(node3)", .malformedSeparator(node: 2, fragment: "||"), mentions: ["'||'"])
        assertError("|+\(node2)+\(node3)", .malformedSeparator(node: 1, fragment: "|"), mentions: ["'|'"])
    }

    func testMissingAndWrongInputIndex() {
        assertError(
            "|nor_conv_3x3|+\(node2)+\(node3)", .missingInputIndex(edge: 0, token: "nor_conv_3x3"),
            mentions: ["missing input index in 'nor_conv_3x3' at edge 0 (1<-0): expected 'op~0'"])
        assertError(
            "|nor_conv_3x3~1|+\(node2)+\(node3)", .wrongInputIndex(edge: 0, token: "1"),
            mentions: ["wrong input index '~1' at edge 0 (1<-0): expected '~0'"])
        assertError(
            "\(node1)+|nor_conv_3x3~1|nor_conv_3x3~0|+\(node3)", .wrongInputIndex(edge: 1, token: "1"),
            mentions: ["at edge 1 (2<-0): expected '~0'"])
        assertError(
            "\(node1)+\(node2)+|skip_connect~0|nor_conv_3x3~01|nor_conv_1x1~2|",
            .wrongInputIndex(edge: 4, token: "01"), mentions: ["'~01' at edge 4 (3<-1)"])
        assertError(
            "\(node1)+\(node2)+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~x|",
            .wrongInputIndex(edge: 5, token: "x"), mentions: ["'~x' at edge 5"])
    }

    func testValidStringStillParses() throws {
        XCTAssertEqual(try space.parse("\(node1)+\(node2)+\(node3)").description, "\(node1)+\(node2)+\(node3)")
    }
}
