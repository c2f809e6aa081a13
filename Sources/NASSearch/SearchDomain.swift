import NASOracle
import NASPredictors
import NASSpaces

/// What a search may query and how it moves: the cells of one table (row `r` is `cells[r]`), the
/// neighbours local search climbs through, and the mutation evolution draws, both kept inside the
/// table. One conforming type per space (``NB201Domain``, ``NB101Domain``, ``NBGraphDomain``);
/// ``SearchProblem`` picks it from the table's space.
///
/// Strategies work on rows; a domain turns them into cells, features and moves. Moves are
/// deterministic given the generator.
public protocol SearchDomain: Sendable {
    associatedtype Space: EncodableSpace

    /// The search space.
    var space: Space { get }

    /// The table's cells, in row order.
    var cells: [Space.Cell] { get }

    /// The table rows one move from `row`, queried or not, in a deterministic order, without `row`.
    func neighbours(ofRow row: Int) -> [Int]

    /// A child of `row` that `isAvailable` accepts, drawn by the space's mutation rule (see each
    /// domain), or nil when the rule finds none; the strategy then draws a random available row.
    func mutate(_ row: Int, isAvailable: (Int) -> Bool, using generator: inout some RandomNumberGenerator) -> Int?
}

extension SearchDomain {
    /// The features of `rows`' cells in `encoding`, one row per table row in order.
    ///
    /// - Throws: ``PredictorError/unsupportedEncoding(_:space:supported:)`` when the space does not define it.
    public func features(ofRows rows: [Int], as encoding: Encoding) throws -> FeatureMatrix {
        try space.requireSupport(encoding)
        return space.features(of: rows.map { cells[$0] }, as: encoding)
    }

    /// The node and op-class counts of the space's graph encoding (what sizes a GCN).
    public var graphShape: (nodeCount: Int, opClassCount: Int) { space.graphShape }

    /// The space's name, e.g. `NAS-Bench-101`.
    public var spaceName: String { space.name }
}
