import NASSpaces
import XCTest

final class NB201CellTests: XCTestCase {
    private let space = NB201Space()

    func testOpsHaveOfficialNamesAndIndices() {
        XCTAssertEqual(
            NB201Op.allCases.map(\.rawValue),
            ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"])
        XCTAssertEqual(NB201Op.allCases.map(\.index), [0, 1, 2, 3, 4])
        for op in NB201Op.allCases {
            XCTAssertEqual(NB201Op(index: op.index), op)
            XCTAssertEqual(NB201Op(rawValue: op.rawValue), op)
            XCTAssertEqual("\(op)", op.rawValue)
        }
        XCTAssertNil(NB201Op(index: -1))
        XCTAssertNil(NB201Op(index: 5))
    }

    func testEdgesAreInOfficialOrder() {
        XCTAssertEqual(NB201Edge.all.map(\.description), ["1<-0", "2<-0", "2<-1", "3<-0", "3<-1", "3<-2"])
        XCTAssertEqual(NB201Edge.all.map(\.index), Array(0..<6))
    }

    func testEnumerationCountAndUniqueness() {
        let cells = space.allCells
        XCTAssertEqual(space.cellCount, 15_625)
        XCTAssertEqual(cells.count, 15_625)
        XCTAssertEqual(Set(cells).count, 15_625)
        XCTAssertEqual(Set(cells.map(\.description)).count, 15_625)
        XCTAssertEqual(cells, cells.sorted(), "allCells must be in rank order")
    }

    func testRankCellBijection() {
        for rank in 0..<NB201Cell.count {
            guard let cell = NB201Cell(rank: rank) else {
                return XCTFail("no cell for rank \(rank)")
            }
            XCTAssertEqual(cell.rank, rank)
            let ops = cell.ops
            XCTAssertEqual(NB201Cell(ops: ops), cell)
            // The rank is the op tuple read as a base-5 number, edge 0 most significant.
            XCTAssertEqual(ops.reduce(0) { $0 * 5 + $1.index }, rank)
        }
        XCTAssertNil(NB201Cell(rank: -1))
        XCTAssertNil(NB201Cell(rank: 15_625))
        XCTAssertEqual(NB201Cell(rank: 0)?.ops, Array(repeating: NB201Op.none, count: 6))
        XCTAssertEqual(NB201Cell(rank: 15_624)?.ops, Array(repeating: .avgPool3x3, count: 6))
    }

    func testRankOrderIsLexicographicOpOrder() {
        let cells = space.allCells
        for (lower, upper) in zip(cells, cells.dropFirst()) {
            XCTAssertLessThan(lower, upper)
            XCTAssertTrue(lower.ops.map(\.index).lexicographicallyPrecedes(upper.ops.map(\.index)))
        }
    }

    func testKnownCellRankAndString() throws {
        let text = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|"
        let cell = try space.parse(text)
        XCTAssertEqual(cell.ops, [.norConv3x3, .norConv3x3, .norConv3x3, .skipConnect, .norConv3x3, .norConv1x1])
        XCTAssertEqual(cell.rank, 3 * 3125 + 3 * 625 + 3 * 125 + 1 * 25 + 3 * 5 + 2)
        XCTAssertEqual(cell.description, text)
        XCTAssertEqual(cell[3], .skipConnect)
    }

    func testReplacingAndHammingDistance() {
        guard let cell = NB201Cell(rank: 11_667) else { return XCTFail("rank 11667 missing") }
        let changed = cell.replacing(edge: 5, with: .none)
        XCTAssertEqual(changed[5], .none)
        XCTAssertEqual(Array(changed.ops.prefix(5)), Array(cell.ops.prefix(5)))
        XCTAssertEqual(cell.hammingDistance(to: changed), 1)
        XCTAssertEqual(cell.replacing(edge: 2, with: cell[2]), cell)
        XCTAssertEqual(NB201Cell(rank: 0)?.hammingDistance(to: NB201Cell(rank: 15_624) ?? cell), 6)
    }

    func testRoundTripOfEveryGeneratedString() throws {
        for cell in space.allCells {
            let text = space.describe(cell)
            XCTAssertEqual(try space.parse(text), cell, text)
        }
    }
}
