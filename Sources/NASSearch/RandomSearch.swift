/// Random search: queries cells drawn uniformly without replacement.
///
/// With `k` optimal cells among `N`, it needs `(N + 1) / (k + 1)` queries on average to find
/// one (see ``SearchProblem/randomSearchExpectation``).
public struct RandomSearch: SearchStrategy {
    public init() {}

    public var name: String { "random" }

    public var hyperparameters: [String: Hyperparameter] { [:] }

    public func run(_ session: SearchSession, using generator: inout some RandomNumberGenerator) throws {
        while !session.isFinished, let row = session.randomAvailableRow(using: &generator) {
            try session.query(row)
        }
    }
}
