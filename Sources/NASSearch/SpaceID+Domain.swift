import NASOracle
import NASSpaces

extension SpaceID {
    /// The search domain over the cells of `table`, a table of this space.
    ///
    /// - Throws: the space's parse errors for a row that is not a cell.
    func searchDomain(_ table: BenchmarkTable) throws -> any SearchDomain {
        switch self {
        case .nb201: try NB201Domain(table)
        case .nb101: try NB101Domain(table)
        case .nbgraph: try NBGraphDomain(table)
        }
    }
}
