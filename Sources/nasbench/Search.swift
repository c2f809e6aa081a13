import ArgumentParser
import Foundation
import NASExperiments
import NASOracle
import NASPredictors
import NASSearch

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run search strategies on a table: seeded trials, queries to the optimum, regret.",
        discussion: """
            Writes queries.csv (one row per trial and query), trials.csv (one row per trial), config.json, \
            summary.csv and curves.csv into --out; see docs/SEARCH.md (NB101 and NAS-Bench-Graph tables: moves \
            stay inside the table). The WeakNAS NB201 comparison is experiments/weaknas-nb201.sh.
            """)

    @Option(help: "A nasbench HDF5 table (nb201, nb101 or nbgraph space); its cells are the searchable set.")
    var table: String

    @Option(help: "Comma-separated: \(StrategyKind.allCases.map(\.rawValue).joined(separator: ", ")).",
            transform: StrategyKind.parseList)
    var strategies: [StrategyKind] = [.random, .evolution, .local]

    @Option(help: "Trials per strategy.")
    var trials = 100

    @Option(help: "Queries per trial (N), until-optimum (search and test optima both queried), until-search-optimum, or until-search-optimum-or-top1 (queried, or named as the predicted best: the WeakNAS authors' protocol); a goal may be capped as GOAL,max=N (or with --max-queries).",
            transform: SearchBudget.init(parsing:))
    var budget = SearchBudget.untilOptimum

    @Option(help: "Stop a goal budget after this many queries if the goal is not reached (the WeakNAS authors' runs: 1000).")
    var maxQueries: Int?

    @OptionGroup(title: "Run")
    var runOptions: RunOptions

    @Flag(help: "Print every column of the summary (as in summary.csv), not just the queries to the optimum.")
    var wide = false

    @Option(help: "The column searched on (default: nb201 cifar10-valid.valid.accuracy.e200, nb101 cifar10.valid.accuracy.e108, nbgraph cora.valid.accuracy.e400).")
    var searchColumn: String?

    @Option(help: "Which training seed answers a search query: sampled (one drawn per query, as the papers do) or mean.")
    var querySeed = QuerySeed.sampled

    @Option(help: "The column reported beside it, looked up without charging a query (default: nb201 cifar10.test.accuracy.e200, nb101 the search column, nbgraph cora.test.accuracy.e400).")
    var testColumn: String?

    @Option(help: "Never query two cells of one class: none or benchmark (NB201's 6,466 classes; NB101 and NAS-Bench-Graph tables hold one cell per class).")
    var unique = UniqueRule.none

    @OptionGroup(title: "Strategy hyperparameters")
    var strategyOptions: StrategyOptions

    func validate() throws {
        if let maxQueries, maxQueries < 1 { throw ValidationError("--max-queries must be at least 1, got \(maxQueries)") }
    }

    func run() throws {
        var budget = budget
        if let maxQueries { budget = try budget.capped(at: maxQueries) }
        let loaded = try BenchmarkTable.load(table)
        let defaults = loaded.space.defaultSearchColumns
        let searchColumn = self.searchColumn ?? defaults.search, testColumn = self.testColumn ?? defaults.test
        func query(_ name: String, _ seed: SeedChoice) throws -> NASOracle.Query {
            let key = try ColumnKey(name: name)
            return NASOracle.Query(
                dataset: key.dataset, split: key.split, metric: key.metric, epochs: key.epochs, seed: seed, device: key.device)
        }
        let problem = try SearchProblem(
            table: loaded, search: try query(searchColumn, querySeed.choice), test: try query(testColumn, .mean),
            uniqueness: unique.rule)
        let settings = strategyOptions.settings
        let strategies = try strategies.map { try $0.makeStrategy(settings, graphShape: problem.domain.graphShape) }
        let experiment = try SearchExperiment(
            problem: problem, strategies: strategies, trialsPerStrategy: trials, seed: runOptions.seed, budget: budget,
            tablePath: table)
        try runOptions.execute(
            files: SearchExperiment.files(folder: runOptions.out), config: experiment.config, trials: experiment.totalTrials,
            progressLabel: "search trials", trial: { try experiment.runTrial($0) },
            summarize: { try Summarize.summarizeSearch(runOptions.out, wide: wide) })
    }
}
