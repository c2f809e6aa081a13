import NASSpaces
import TestSupport
import XCTest

/// The NB101 edit distance that keeps search moves inside a sampled table.
final class NB101EditDistanceTests: XCTestCase {
    let space = NB101Space()

    func testZeroExactlyOnOneModelAndOneForOneChange() throws {
        let a = try space.parse("0110,0001,0001,0000|conv1x1-bn-relu,conv3x3-bn-relu")
        let swapped = try space.parse("0110,0001,0001,0000|conv3x3-bn-relu,conv1x1-bn-relu")
        XCTAssertEqual(a.editDistance(to: swapped), 0)
        XCTAssertEqual(a.editDistance(to: a.replacing(vertex: 1, with: .maxPool3x3)), 1)
        XCTAssertEqual(a.editDistance(to: a.togglingEdge(0, 3)), 1)
        // Inserting vertex 2 into 1 -> output: drop 1->out, add 1->2 and 2->out, and vertex 2's op.
        let chain = try space.parse("0100,0010,0001,0000|conv1x1-bn-relu,conv3x3-bn-relu")
        XCTAssertEqual(try space.parse("010,001,000|conv1x1-bn-relu").editDistance(to: chain), 4)
    }

    func testSymmetricAndPositiveOnDistinctModels() {
        let models = Fixtures.nb101Models(count: 30)
        let index = NB101EditDistanceIndex(models)
        let rows = models.map { index.distances(from: $0) }
        for i in models.indices {
            XCTAssertEqual(rows[i][i], 0)
            for j in models.indices where j != i {
                XCTAssertEqual(rows[i][j], rows[j][i], "\(i) \(j)")
                XCTAssertGreaterThan(rows[i][j], 0, "distinct models \(i) \(j)")
            }
        }
        // An op change is one edit (or none, when it gives an isomorphic model).
        for vertex in 1..<(models[0].vertexCount - 1) {
            for op in NB101Op.allCases {
                XCTAssertLessThanOrEqual(models[0].editDistance(to: models[0].replacing(vertex: vertex, with: op)), 1)
            }
        }
    }
}
