import ArgumentParser
import Foundation
import NASExperiments
import NASOracle
import NASPredictors
import NASSearch
import NASSpaces

struct Search: SpecCommand {
    private static let defaults = SearchSpec(table: "")

    static let configuration = CommandConfiguration(
        abstract: "Run search strategies on a table: seeded trials, queries to the optimum, regret.",
        discussion: """
            Writes queries.csv (one row per trial and query), trials.csv (one row per trial), config.json, \
            summary.csv and curves.csv into --out; see docs/SEARCH.md (NB101 and NAS-Bench-Graph tables: moves \
            stay inside the table). The WeakNAS NB201 comparison is experiments/weaknas-nb201.sh.
            """)

    @OptionGroup(title: "Spec (SearchSpec's keys: docs/SEARCH.md)")
    var specOptions: SpecOptions

    @Option(help: "A nasbench HDF5 table (nb201, nb101 or nbgraph space); its cells are the searchable set.")
    var table: String?

    @Option(help: "Comma-separated: \(StrategyKind.allCases.map(\.rawValue).joined(separator: ", ")) (default \(Self.defaults.strategies.map(\.rawValue).joined(separator: ","))).",
            transform: StrategyKind.parseList)
    var strategies: [StrategyKind]?

    @Option(help: "Trials per strategy (default \(Self.defaults.trials)).")
    var trials: Int?

    @Option(help: "Queries per trial (N), until-optimum (search and test optima both queried; the default), until-search-optimum, or until-search-optimum-or-top1 (queried, or named as the predicted best: the WeakNAS authors' protocol); a goal may be capped as GOAL,max=N (or with --max-queries).",
            transform: SearchBudget.init(parsing:))
    var budget: SearchBudget?

    @Option(help: "Stop a goal budget after this many queries if the goal is not reached (the WeakNAS authors' runs: 1000).")
    var maxQueries: Int?

    @OptionGroup(title: "Run")
    var runOptions: RunOptions

    @Flag(help: "Print every column of the summary (as in summary.csv), not just the queries to the optimum.")
    var wide = false

    @Option(help: "The column searched on (default, per space: \(SpaceID.allCases.map { "\($0.rawValue) \($0.defaultSearchColumns.search)" }.joined(separator: ", "))).")
    var searchColumn: String?

    @Option(help: "Which training seed answers a search query: sampled (one drawn per query, as the papers do; the default) or mean.")
    var querySeed: SearchSpec.QuerySeed?

    @Option(help: "The column reported beside it, looked up without charging a query (default, per space: \(SpaceID.allCases.map { "\($0.rawValue) \($0.defaultSearchColumns.test)" }.joined(separator: ", "))).")
    var testColumn: String?

    @Option(help: "Never query two cells of one class: none (the default) or benchmark (NB201's 6,466 classes; NB101 and NAS-Bench-Graph tables hold one cell per class).")
    var unique: IsomorphismRule?

    @OptionGroup(title: "Strategy hyperparameters")
    var strategyOptions: StrategyOptions

    func validate() throws {
        if let maxQueries, maxQueries < 1 { throw ValidationError("--max-queries must be at least 1, got \(maxQueries)") }
        if unique == .functional { throw ValidationError("--unique takes none or benchmark for a search (functional is for top)") }
        if specOptions.spec == nil, table == nil { throw ValidationError("give --table (or --spec FILE naming one)") }
        if !specOptions.printSpec { _ = try runOptions.folder() }
    }

    /// The spec file (or the defaults) with every option given applied.
    func resolvedSpec() throws -> SearchSpec {
        var resolved = try specOptions.base(SearchSpec(table: ""))
        if let table { resolved.table = table }
        if let strategies { resolved.strategies = strategies }
        if let trials { resolved.trials = trials }
        if let seed = runOptions.seed { resolved.seed = seed }
        if let budget { resolved.budget = budget.description }
        if let maxQueries { resolved.maxQueries = maxQueries }
        if let searchColumn { resolved.searchColumn = searchColumn }
        if let testColumn { resolved.testColumn = testColumn }
        if let querySeed { resolved.querySeed = querySeed }
        if let unique { resolved.unique = unique }
        strategyOptions.apply(to: &resolved.settings)
        return resolved
    }

    func run(_ spec: SearchSpec) throws {
        let experiment = try spec.makeExperiment()
        try runOptions.execute(
            spec: spec, files: SearchExperiment.files(folder: try runOptions.folder()), config: experiment.config,
            trials: experiment.totalTrials, progressLabel: "search trials", trial: { try experiment.runTrial($0) },
            summarize: { try Summarize.summarizeSearch(try runOptions.folder(), wide: wide) })
    }
}
