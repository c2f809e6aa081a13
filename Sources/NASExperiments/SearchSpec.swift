import Foundation
import NASOracle
import NASPredictors
import NASSearch

/// Everything that decides a search experiment's results, as one `Codable` value: what a spec
/// file (`nasbench search --spec FILE.json|yaml`) holds, what the CLI fills from its flags, and
/// what a run records in its `config.json` (which `--spec` re-runs). Absent keys keep the
/// defaults below; unknown keys are an error. Where to write, threads, shards and resuming are
/// not part of it: they never change a result.
public struct SearchSpec: ExperimentSpec, Hashable, Sendable {
    /// The benchmark table (HDF5) whose cells are the searchable set.
    public var table: String
    /// The strategies compared, in order.
    public var strategies: [StrategyKind] = [.random, .evolution, .local]
    /// Their hyperparameters (defaults and sources: ``StrategySettings``).
    public var settings = StrategySettings()
    /// Trials per strategy.
    public var trials = 100
    /// Base seed; trial seeds derive from it.
    public var seed: UInt64 = 0
    /// Queries per trial or a goal (``SearchBudget``'s syntax, e.g. `until-optimum`, `300`).
    public var budget = SearchBudget.untilOptimum.description
    /// A cap on a goal budget.
    public var maxQueries: Int?
    /// The column searched on (default: the space's, ``SpaceID/defaultSearchColumn``).
    public var searchColumn: String?
    /// The column reported beside it, looked up without charging a query.
    public var testColumn: String?
    /// Which training seed answers a search query.
    public var querySeed = QuerySeed.sampled
    /// Never query two cells of one class under this rule (none or benchmark).
    public var unique = IsomorphismRule.none

    /// Which training seed answers a search query.
    public enum QuerySeed: String, CaseIterable, Codable, Sendable {
        /// One seed drawn per query, as the papers do.
        case sampled
        /// The seed mean.
        case mean

        var choice: SeedChoice { self == .sampled ? .sampled : .mean }
    }

    public init(table: String) {
        self.table = table
    }

    public static let experiment = "search"

    public var hinted: Self {
        var spec = self
        spec.table = PathHint.hint(for: table)
        return spec
    }

    private enum CodingKeys: String, CodingKey {
        case table, strategies, settings, trials, seed, budget, maxQueries = "max_queries"
        case searchColumn = "search_column", testColumn = "test_column", querySeed = "query_seed", unique
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(table: try c.decodeIfPresent(String.self, forKey: .table) ?? "")
        let d = self
        strategies = try c.decodeIfPresent([StrategyKind].self, forKey: .strategies) ?? d.strategies
        settings = try c.decodeIfPresent(StrategySettings.self, forKey: .settings) ?? d.settings
        trials = try c.decodeIfPresent(Int.self, forKey: .trials) ?? d.trials
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        budget = try c.decodeIfPresent(String.self, forKey: .budget) ?? d.budget
        maxQueries = try c.decodeIfPresent(Int.self, forKey: .maxQueries)
        searchColumn = try c.decodeIfPresent(String.self, forKey: .searchColumn)
        testColumn = try c.decodeIfPresent(String.self, forKey: .testColumn)
        querySeed = try c.decodeIfPresent(QuerySeed.self, forKey: .querySeed) ?? d.querySeed
        unique = try c.decodeIfPresent(IsomorphismRule.self, forKey: .unique) ?? d.unique
    }

    /// Writes every key, absent optionals as `null`, so a spec file may name each of them.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(table, forKey: .table)
        try c.encode(strategies, forKey: .strategies)
        try c.encode(settings, forKey: .settings)
        try c.encode(trials, forKey: .trials)
        try c.encode(seed, forKey: .seed)
        try c.encode(budget, forKey: .budget)
        try c.encode(maxQueries, forKey: .maxQueries)
        try c.encode(searchColumn, forKey: .searchColumn)
        try c.encode(testColumn, forKey: .testColumn)
        try c.encode(querySeed, forKey: .querySeed)
        try c.encode(unique, forKey: .unique)
    }

    /// Loads the table and builds the experiment this spec describes.
    public func makeExperiment() throws -> SearchExperiment {
        guard !table.isEmpty else { throw ExperimentError.badInput("the spec names no table (give --table or \"table\")") }
        guard unique != .functional else {
            throw ExperimentError.badInput("unique: functional classes are for `top`; a search takes none or benchmark")
        }
        var budget = try SearchBudget(parsing: self.budget)
        if let maxQueries { budget = try budget.capped(at: maxQueries) }
        let loaded = try BenchmarkTable.load(table)
        let defaults = loaded.space.defaultSearchColumns
        let problem = try SearchProblem(
            table: loaded, search: try Self.query(searchColumn ?? defaults.search, querySeed.choice),
            test: try Self.query(testColumn ?? defaults.test, .mean), uniqueness: unique)
        let strategies = try strategies.map { try $0.makeStrategy(settings, graphShape: problem.domain.graphShape) }
        return try SearchExperiment(
            problem: problem, strategies: strategies, trialsPerStrategy: trials, seed: seed, budget: budget, tablePath: table)
    }

    private static func query(_ name: String, _ seed: SeedChoice) throws -> NASOracle.Query {
        let key = try ColumnKey(name: name)
        return NASOracle.Query(
            dataset: key.dataset, split: key.split, metric: key.metric, epochs: key.epochs, seed: seed, device: key.device)
    }
}
