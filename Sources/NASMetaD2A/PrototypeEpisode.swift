/// One few-way evaluation of a feature extractor: `ways` classes, `shots` support rows per class
/// whose mean feature is the class prototype, and query rows to classify by their nearest
/// prototype. Rows index a feature matrix (``PrototypeAccuracy``).
public struct PrototypeEpisode: Equatable, Sendable {
    /// The classes, in way order.
    public var classes: [Int]
    /// Per way, the support rows.
    public var support: [[Int]]
    /// Per way, the query rows (their true class is `classes[way]`).
    public var queries: [[Int]]

    public init(classes: [Int], support: [[Int]], queries: [[Int]]) {
        self.classes = classes
        self.support = support
        self.queries = queries
    }

    /// Draws an episode: `ways` distinct classes uniformly among those with at least `shots`
    /// support rows and one query row (all of them, in ascending order, when `ways` is nil), then
    /// per class `shots` distinct support rows; every query row of a chosen class is a query.
    /// Draw order: the classes (`sampleIndices`), then each way's support rows.
    ///
    /// - Parameters:
    ///   - supportRows: per class, the rows prototypes may be made of.
    ///   - queryRows: per class, the held-out rows to classify.
    public static func sample(supportRows: [[Int]], queryRows: [[Int]], ways: Int?, shots: Int,
                              using rng: inout some RandomNumberGenerator) throws -> PrototypeEpisode {
        guard shots >= 1 else { throw ImageEncoderError("prototype shots must be at least 1, got \(shots)") }
        let eligible = supportRows.indices.filter {
            supportRows[$0].count >= shots && $0 < queryRows.count && !queryRows[$0].isEmpty
        }
        let take = ways ?? eligible.count
        guard take >= 2, take <= eligible.count else {
            throw ImageEncoderError(
                "\(ways.map { "\($0)-way" } ?? "all-way") episodes need \(max(take, 2)) classes with \(shots) support and 1 query image(s), there are \(eligible.count)")
        }
        let classes = ways == nil ? eligible : rng.sampleIndices(take, from: eligible.count).map { eligible[$0] }
        let support = classes.map { c in rng.sampleIndices(shots, from: supportRows[c].count).map { supportRows[c][$0] } }
        return PrototypeEpisode(classes: classes, support: support, queries: classes.map { queryRows[$0] })
    }
}
