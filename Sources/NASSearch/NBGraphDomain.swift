import NASOracle
import NASPredictors
import NASSpaces

/// The NAS-Bench-Graph architectures of a table (the light benchmark holds all 26,206).
/// Neighbours are the distinct architectures one change away
/// (``NBGraphSpace/distinctNeighbours(of:)``: one node's input or one node's op) that the table
/// holds. Mutation: one of the cell's raw one-change neighbours (``NBGraphSpace/neighbours(of:)``)
/// uniformly, taken to its architecture; if that may not be queried, the distinct neighbours in
/// random order, the first that may.
public struct NBGraphDomain: SearchDomain {
    public let space = NBGraphSpace()
    public let cells: [NBGraphCell]
    /// The row of each architecture rank (-1 where the table lacks it).
    private let rowOfRank: [Int32]

    /// Parses every row of `table` (an nbgraph table; its strings are canonical cells).
    public init(_ table: BenchmarkTable) throws {
        let space = NBGraphSpace()
        let cells = try (0..<table.rowCount).map { try space.parse(table.archs[$0]) }
        var rowOfRank = [Int32](repeating: -1, count: NBGraphSpace.architectureCount)
        for (row, cell) in cells.enumerated() {
            guard let rank = NBGraphSpace.rank(of: cell) else {
                throw SearchError.badInput("row \(row) of the table is not a NAS-Bench-Graph architecture: \(cell)")
            }
            rowOfRank[rank] = Int32(row)
        }
        self.cells = cells
        self.rowOfRank = rowOfRank
    }

    /// The row of a cell's architecture, or nil when the table does not hold it.
    public func row(of cell: NBGraphCell) -> Int? {
        guard let rank = NBGraphSpace.rank(of: cell), rowOfRank[rank] >= 0 else { return nil }
        return Int(rowOfRank[rank])
    }

    public func neighbours(ofRow row: Int) -> [Int] {
        space.distinctNeighbours(of: cells[row]).compactMap(self.row(of:))
    }

    public func mutate(_ row: Int, isAvailable: (Int) -> Bool, using generator: inout some RandomNumberGenerator) -> Int? {
        let raw = space.neighbours(of: cells[row])
        if !raw.isEmpty, let child = self.row(of: raw[generator.nextIndex(below: raw.count)]), isAvailable(child) {
            return child
        }
        var neighbours = neighbours(ofRow: row)
        generator.shuffle(&neighbours)
        return neighbours.first(where: isAvailable)
    }
}
