import NASSpaces
import XCTest

final class NB101SpaceTests: XCTestCase {
    private let space = NB101Space()

    func testTextFormRoundTripsAndAcceptsOfficialOpLists() throws {
        let text = "0111010,0000001,0000001,0000100,0000001,0000001,0000000|conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3"
        let cell = try space.parse(text)
        XCTAssertEqual(space.describe(cell), text)
        XCTAssertEqual(cell.vertexCount, 7)
        XCTAssertEqual(cell.edgeCount, 9)
        XCTAssertEqual(cell.labels, [-1, 1, 0, 0, 0, 2, -2])
        XCTAssertEqual(cell.matrix[0], [0, 1, 1, 1, 0, 1, 0])
        let official = "0111010,0000001,0000001,0000100,0000001,0000001,0000000|input,conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3,output"
        XCTAssertEqual(try space.parse(official), cell)
        XCTAssertEqual(try space.parse("01,00|").description, "01,00|")
    }

    func testParseErrorsNameTheProblem() {
        let cases: [(String, String)] = [
            ("", "empty NB101 cell"),
            ("0110,0000", "no '|'"),
            ("0|", "1 rows, expected 2 to 7"),
            ("011,01,000|maxpool3x3", "bad matrix row 1 '01'"),
            ("011,101,000|maxpool3x3", "edge 1->0 is on or below the diagonal"),
            ("011,001,000|", "0 ops for 1 intermediate vertices"),
            ("011,001,000|conv5x5", "unknown op 'conv5x5' at vertex 1 (expected one of: conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3)"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try space.parse(text), text) { error in
                XCTAssertTrue("\(error)".contains(expected), "'\(error)' lacks '\(expected)'")
            }
        }
    }

    func testSamplingIsSeededAndValid() {
        var first = SplitMix64(seed: 5)
        var second = SplitMix64(seed: 5)
        let a = (0..<200).map { _ in space.sample(using: &first) }
        let b = (0..<200).map { _ in space.sample(using: &second) }
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.allSatisfy { $0.isValid && $0.vertexCount == 7 })
        XCTAssertGreaterThan(Set(a.compactMap(\.moduleHash)).count, 100)
    }

    func testNeighboursAndMutation() throws {
        var generator = SplitMix64(seed: 9)
        for _ in 0..<50 {
            let cell = space.sample(using: &generator)
            let neighbours = space.neighbours(of: cell)
            XCTAssertEqual(Set(neighbours).count, neighbours.count)
            XCTAssertFalse(neighbours.contains(cell))
            XCTAssertTrue(neighbours.allSatisfy(\.isValid))
            XCTAssertGreaterThanOrEqual(neighbours.count, 10, "all 10 op changes are always valid")
            let mutated = space.mutate(cell, using: &generator)
            XCTAssertTrue(mutated.isValid)
        }
    }

    func testEncodings() throws {
        let cell = try space.parse("0110,0001,0001,0000|conv3x3-bn-relu,maxpool3x3")
        let adjacency = cell.adjacencyOneHotEncoding()
        XCTAssertEqual(adjacency.count, 21 + 5 * 3)
        XCTAssertEqual(adjacency.reduce(0, +), 4 + 2)
        // Paths: input->1->output (conv3x3) and input->2->output (maxpool3x3).
        let paths = cell.pathEncoding()
        XCTAssertEqual(paths.count, 364)
        XCTAssertEqual(paths.reduce(0, +), 2)
        XCTAssertEqual(paths[1 + 0], 1)
        XCTAssertEqual(paths[1 + 2], 1)
    }
}
