import NASSpaces
import XCTest

final class NB201NeighbourTests: XCTestCase {
    private let space = NB201Space()

    func testEveryCellHas24DistinctSingleEdgeNeighbours() {
        for cell in space.allCells {
            let neighbours = space.neighbours(of: cell)
            XCTAssertEqual(neighbours.count, 24)
            XCTAssertEqual(Set(neighbours).count, 24, "duplicates among neighbours of \(cell)")
            XCTAssertFalse(neighbours.contains(cell))
            for neighbour in neighbours {
                XCTAssertEqual(cell.hammingDistance(to: neighbour), 1, "\(cell) vs \(neighbour)")
            }
        }
    }

    func testNeighbourRelationIsSymmetric() {
        let neighbourRanks = space.allCells.map { Set(space.neighbours(of: $0).map(\.rank)) }
        var edges = 0
        for (rank, neighbours) in neighbourRanks.enumerated() {
            for other in neighbours {
                XCTAssertTrue(neighbourRanks[other].contains(rank), "\(other) lacks \(rank)")
                edges += 1
            }
        }
        XCTAssertEqual(edges, 15_625 * 24)
    }

    func testNeighbourOrderIsByEdgeThenOp() throws {
        let cell = try space.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|")
        let neighbours = space.neighbours(of: cell)
        XCTAssertEqual(neighbours.first?.description, "|skip_connect~0|+|none~0|none~1|+|none~0|none~1|none~2|")
        XCTAssertEqual(neighbours.last?.description, "|none~0|+|none~0|none~1|+|none~0|none~1|avg_pool_3x3~2|")
    }
}
