/// A search strategy: given a session, it queries cells until the session is finished.
///
/// Strategies are immutable descriptions (their hyperparameters); all per-trial state lives in
/// `run`. Randomness comes only from `generator`, so a seeded generator gives a reproducible
/// search. Strategies never query a cell twice: the session refuses repeats (and isomorphic
/// cells, when it is set to), so they check ``SearchSession/isAvailable(_:)`` first.
public protocol SearchStrategy: Sendable {
    /// The short name used on the command line and in result files, e.g. `evolution`.
    var name: String { get }

    /// The hyperparameters, recorded in a run's `config.json`.
    var hyperparameters: [String: Hyperparameter] { get }

    /// Queries cells through `session` until `session.isFinished`.
    func run(_ session: SearchSession, using generator: inout some RandomNumberGenerator) throws
}
