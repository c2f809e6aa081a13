import NASOracle
import NASPredictors
import NASSpaces

/// The NB201 cells of a table. Neighbours are the cells one edge away (``NB201Space``'s order)
/// that the table holds. Mutation (Real et al.'s, as NASLib's NB201 evolution): a random edge and a
/// different op on it; if that child may not be queried, the parent's 24 one-edge neighbours in
/// random order, the first that may.
public struct NB201Domain: SearchDomain {
    public let space = NB201Space()
    public let cells: [NB201Cell]
    /// The row of each NB201 rank (-1 where the table lacks the cell).
    private let rowOfRank: [Int32]

    /// Parses every row of `table` (an nb201 table).
    public init(_ table: BenchmarkTable) throws {
        let space = NB201Space()
        let cells = try (0..<table.rowCount).map { try space.parse(table.archs[$0]) }
        var rowOfRank = [Int32](repeating: -1, count: NB201Cell.count)
        for (row, cell) in cells.enumerated() { rowOfRank[cell.rank] = Int32(row) }
        self.cells = cells
        self.rowOfRank = rowOfRank
    }

    /// The row of a cell, or nil when the table does not hold it.
    public func row(of cell: NB201Cell) -> Int? {
        let row = rowOfRank[cell.rank]
        return row < 0 ? nil : Int(row)
    }

    public func neighbours(ofRow row: Int) -> [Int] {
        space.neighbours(of: cells[row]).compactMap(self.row(of:))
    }

    public func mutate(_ row: Int, isAvailable: (Int) -> Bool, using generator: inout some RandomNumberGenerator) -> Int? {
        let parent = cells[row]
        let edge = generator.nextIndex(below: NB201Cell.edgeCount)
        var op = generator.nextIndex(below: NB201Op.count - 1)
        if op >= parent[edge].index { op += 1 }
        if let newOp = NB201Op(index: op), let child = self.row(of: parent.replacing(edge: edge, with: newOp)),
            isAvailable(child)
        {
            return child
        }
        var neighbours = space.neighbours(of: parent)
        generator.shuffle(&neighbours)
        for neighbour in neighbours {
            if let child = self.row(of: neighbour), isAvailable(child) { return child }
        }
        return nil
    }
}
