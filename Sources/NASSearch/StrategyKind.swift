/// The search strategies an experiment can name: a closed set, mirroring `PredictorKind`, so that
/// adding one is a new case every `switch` must handle, and the CLI, the regression suite and any
/// spec file build strategies the same way.
public enum StrategyKind: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    /// ``RandomSearch``.
    case random
    /// ``RegularizedEvolution`` with ``StrategySettings/evolution``.
    case evolution
    /// ``LocalSearch`` with ``StrategySettings/local``.
    case local
    /// ``WeakNAS`` with ``StrategySettings/weaknas``.
    case weaknas

    /// The name used on the command line and in result files.
    public var description: String { rawValue }

    /// Parses a comma-separated list such as `random,evolution`.
    ///
    /// - Throws: ``SearchError/badInput(_:)`` naming the first unknown or repeated strategy.
    public static func parseList(_ text: String) throws -> [StrategyKind] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var kinds: [StrategyKind] = []
        for name in names {
            guard let kind = StrategyKind(rawValue: name) else {
                throw SearchError.badInput(
                    "unknown strategy '\(name)' (expected one of: \(allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard !kinds.contains(kind) else { throw SearchError.badInput("strategy '\(name)' is listed twice") }
            kinds.append(kind)
        }
        return kinds
    }

    /// A strategy of this kind with its hyperparameters from `settings`; `graphShape` sizes a GCN
    /// ranking model to the table's space.
    public func makeStrategy(
        _ settings: StrategySettings, graphShape: (nodeCount: Int, opClassCount: Int)
    ) throws -> any SearchStrategy {
        switch self {
        case .random:
            return RandomSearch()
        case .evolution:
            return try RegularizedEvolution(
                populationSize: settings.evolution.populationSize, sampleSize: settings.evolution.sampleSize)
        case .local:
            return try LocalSearch(initialSamples: settings.local.initialSamples)
        case .weaknas:
            return try settings.weaknas.makeStrategy(graphShape: graphShape)
        }
    }
}
