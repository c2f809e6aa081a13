import NASOracle
import NASPredictors
import NASSpaces

/// The NB101 models of a table, which may be a small sample of the 423,624 (NASLib's 500 cells).
/// Moves stay inside the table, measured by ``NB101Cell/editDistance(to:)`` (edge toggles plus op
/// changes between the padded models, minimised over renumberings of the intermediate vertices):
///
/// - Neighbours of a row: every other row at the smallest edit distance from it (all ties, in row
///   order). On the full space these are the official one-change neighbours (distance 1); on a
///   sample, the nearest models it holds.
/// - Mutation: the official `mutate_spec` (``NB101Space/mutate(_:rate:using:)``, rate 1, as the
///   official and NASLib NB101 evolution) on the parent; if the child's model is a row that may be
///   queried, that row; otherwise the row nearest the child that may be queried (smallest edit
///   distance, ties to the lower row). Deterministic given the generator.
public struct NB101Domain: SearchDomain {
    public let space = NB101Space()
    public let cells: [NB101Cell]
    private let rowOfModel: [NB101Cell: Int]
    private let distances: NB101EditDistanceIndex

    /// Parses every row of `table` (an nb101 table; its strings are canonical models).
    public init(_ table: BenchmarkTable) throws {
        let space = NB101Space()
        let cells = try (0..<table.rowCount).map { try space.parse(table.archs[$0]) }
        var rowOfModel: [NB101Cell: Int] = [:]
        for (row, cell) in cells.enumerated() { rowOfModel[cell.canonicalForm() ?? cell] = row }
        self.cells = cells
        self.rowOfModel = rowOfModel
        self.distances = NB101EditDistanceIndex(cells)
    }

    /// The row of a cell's model, or nil when the table does not hold it.
    public func row(of cell: NB101Cell) -> Int? {
        cell.canonicalForm().flatMap { rowOfModel[$0] }
    }

    public func neighbours(ofRow row: Int) -> [Int] {
        let distance = distances.distances(from: cells[row])
        let nearest = distance.indices.filter { $0 != row }.map { distance[$0] }.min()
        return distance.indices.filter { $0 != row && distance[$0] == nearest }
    }

    public func mutate(_ row: Int, isAvailable: (Int) -> Bool, using generator: inout some RandomNumberGenerator) -> Int? {
        let child = space.mutate(cells[row], rate: 1.0, using: &generator)
        if let exact = self.row(of: child), isAvailable(exact) { return exact }
        let distance = distances.distances(from: child)
        var best: Int? = nil
        for candidate in distance.indices where isAvailable(candidate) {
            if best == nil || distance[candidate] < distance[best ?? 0] { best = candidate }
        }
        return best
    }
}
