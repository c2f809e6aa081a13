import ArgumentParser
import Foundation
import NASExperiments
import NASOracle
import NASPredictors
import NASSearch

/// The strategies `--strategies` accepts.
enum StrategyName: String, CaseIterable {
    case random, evolution, local, weaknas
}

/// How WeakNAS chooses a batch (`--weaknas-acquisition`).
enum AcquisitionName: String, CaseIterable {
    /// Drawn uniformly from the predicted top-N (the paper's WeakNAS).
    case uniform
    /// The EI variant: the M unqueried cells of highest expected improvement from an ensemble.
    case ei
}

/// The ranking models `--weaknas-model` accepts.
enum RankingModelName: String, CaseIterable {
    /// NASPredictors' MLP (WeakNAS's own model: 4 x 1000 ReLU units) on the adjacency one-hot encoding.
    case mlp
    /// NASPredictors' GCN (NASLib's Neural Predictor) on the graph encoding.
    case gcn
    case ridgeOnehot = "ridge-onehot"
    /// NASPredictors' random forest (NASLib's defaults) on the adjacency one-hot encoding.
    case rf
    /// NASPredictors' gradient-boosted trees on the adjacency one-hot encoding.
    case gbdt
}

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

    @Option(help: "Comma-separated: \(StrategyName.allCases.map(\.rawValue).joined(separator: ", ")).")
    var strategies = "random,evolution,local"

    @Option(help: "Trials per strategy.")
    var trials = 100

    @Option(help: "Queries per trial (N), until-optimum (search and test optima both queried), until-search-optimum, or until-search-optimum-or-top1 (queried, or named as the predicted best: the WeakNAS authors' protocol); a goal may be capped as GOAL,max=N (or with --max-queries).")
    var budget = "until-optimum"

    @Option(help: "Stop a goal budget after this many queries if the goal is not reached (the WeakNAS authors' runs: 1000).")
    var maxQueries: Int?

    @OptionGroup(title: "Run")
    var runOptions: RunOptions

    @Flag(help: "Print every column of the summary (as in summary.csv), not just the queries to the optimum.")
    var wide = false

    @Option(help: "The column searched on (default: nb201 cifar10-valid.valid.accuracy.e200, nb101 cifar10.valid.accuracy.e108, nbgraph cora.valid.accuracy.e400).")
    var searchColumn: String?

    @Option(help: "Which training seed answers a search query: sampled (one drawn per query, as the papers do) or mean.")
    var querySeed = "sampled"

    @Option(help: "The column reported beside it, looked up without charging a query (default: nb201 cifar10.test.accuracy.e200, nb101 the search column, nbgraph cora.test.accuracy.e400).")
    var testColumn: String?

    @Option(help: "Never query two cells of one class: none or benchmark (NB201's 6,466 classes; NB101 and NAS-Bench-Graph tables hold one cell per class).")
    var unique = "none"

    @Option(help: "Regularized evolution: population size P (NASLib NB201 default).")
    var population = 30

    @Option(help: "Regularized evolution: tournament sample size S (NASLib NB201 default).")
    var sampleSize = 10

    @Option(help: "Local search: random cells before the first climb (NASLib NB201 default).")
    var localInitial = 10

    @Option(help: "WeakNAS ranking model: \(RankingModelName.allCases.map(\.rawValue).joined(separator: ", ")) (mlp is the paper's; ridge-onehot is a linear placeholder).")
    var weaknasModel = RankingModelName.mlp.rawValue

    @Option(help: "WeakNAS mlp: most training epochs per fit (scikit-learn's max_iter, with its tol=1e-4 / n_iter_no_change=10 stopping; WeakNAS: --mlp_iter 100).")
    var mlpEpochs = MLPConfiguration().epochs

    @Option(help: "WeakNAS: top-N predicted cells the batch is drawn from (paper: 100).")
    var weaknasTop = 100

    @Option(help: "WeakNAS: cells the top-N is ranked over: all (queried ones then removed; the authors' code) or available (unqueried cells only).")
    var weaknasTopOf = WeakNASTopSet.all.rawValue

    @Option(help: "WeakNAS: label standardisation before each fit: queried (mean and std of the queried cells) or table (mean and std of the search metric over the whole table, fixed; the authors' code; the mlp then fits these labels as given).")
    var weaknasLabels = WeakNASLabelScaling.queried.rawValue

    @Option(help: "WeakNAS: how a batch is chosen: uniform (drawn from the predicted top-N; the paper's WeakNAS) or ei (the EI variant: an ensemble of --weaknas-ensemble models, the M unqueried cells of highest expected improvement; top-N and top-of are then M and available).")
    var weaknasAcquisition = AcquisitionName.uniform.rawValue

    @Option(help: "WeakNAS ei: ensemble size (the authors: 5).")
    var weaknasEnsemble = 5

    @Option(help: "WeakNAS ei: the ensemble's spread is divided by this before EI (the authors' and NASLib's calibration factor: 5).")
    var eiCalibration = 5.0

    @Option(help: "WeakNAS: cells queried per iteration (paper: M = 10).")
    var weaknasBatch = 10

    @Option(help: "WeakNAS: random cells before the first fit (paper: 10).")
    var weaknasInitial = 10

    @Option(help: "ridge-onehot: L2 penalty.")
    var ridgeLambda = 1.0

    /// Default search and test columns per space (NB101's sample has no test split).
    static let defaultColumns: [String: (search: String, test: String)] = [
        "nb201": ("cifar10-valid.valid.accuracy.e200", "cifar10.test.accuracy.e200"),
        "nb101": ("cifar10.valid.accuracy.e108", "cifar10.valid.accuracy.e108"),
        "nbgraph": ("cora.valid.accuracy.e400", "cora.test.accuracy.e400"),
    ]

    func run() throws {
        var budget = try SearchBudget(parsing: budget)
        if let maxQueries { budget = try budget.capped(at: maxQueries) }
        guard let rule = IsomorphismRule(rawValue: unique), rule != .functional else {
            throw ExperimentError.badInput("unknown --unique '\(unique)' (expected none or benchmark)")
        }
        let seedChoice: SeedChoice
        switch querySeed {
        case "sampled": seedChoice = .sampled
        case "mean": seedChoice = .mean
        default: throw ExperimentError.badInput("bad --query-seed '\(querySeed)' (expected sampled or mean)")
        }
        let loaded = try BenchmarkTable.load(table)
        let defaults = Self.defaultColumns[loaded.space]
        guard let searchColumn = searchColumn ?? defaults?.search, let testColumn = testColumn ?? defaults?.test else {
            throw ExperimentError.badInput("give --search-column and --test-column for a table of space \(loaded.space)")
        }
        func query(_ name: String, _ seed: SeedChoice) throws -> NASOracle.Query {
            let key = try ColumnKey(name: name)
            return NASOracle.Query(
                dataset: key.dataset, split: key.split, metric: key.metric, epochs: key.epochs, seed: seed, device: key.device)
        }
        let problem = try SearchProblem(
            table: loaded, search: try query(searchColumn, seedChoice), test: try query(testColumn, .mean), uniqueness: rule)
        let strategies = try makeStrategies(graphShape: problem.domain.graphShape)
        let experiment = try SearchExperiment(
            problem: problem, strategies: strategies, trialsPerStrategy: trials, seed: runOptions.seed, budget: budget,
            tablePath: table)
        try runOptions.execute(
            files: SearchExperiment.files(folder: runOptions.out), config: experiment.config, trials: experiment.totalTrials,
            progressLabel: "search trials", trial: { try experiment.runTrial($0) },
            summarize: { try Summarize.summarizeSearch(runOptions.out, wide: wide) })
    }

    /// The strategies of `--strategies`; `graphShape` sizes the GCN to the table's space.
    func makeStrategies(graphShape: (nodeCount: Int, opClassCount: Int)) throws -> [any SearchStrategy] {
        let names = strategies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { throw ExperimentError.badInput("--strategies is empty") }
        return try names.map { name -> any SearchStrategy in
            guard let kind = StrategyName(rawValue: name) else {
                throw ExperimentError.badInput(
                    "unknown strategy '\(name)' (expected one of: \(StrategyName.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            switch kind {
            case .random: return RandomSearch()
            case .evolution: return try RegularizedEvolution(populationSize: population, sampleSize: sampleSize)
            case .local: return try LocalSearch(initialSamples: localInitial)
            case .weaknas:
                let modelName = weaknasModel
                guard let model = RankingModelName(rawValue: modelName) else {
                    throw ExperimentError.badInput(
                        "unknown --weaknas-model '\(modelName)' (expected one of: \(RankingModelName.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard let topOf = WeakNASTopSet(rawValue: weaknasTopOf) else {
                    throw ExperimentError.badInput(
                        "unknown --weaknas-top-of '\(weaknasTopOf)' (expected one of: \(WeakNASTopSet.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard let labels = WeakNASLabelScaling(rawValue: weaknasLabels) else {
                    throw ExperimentError.badInput(
                        "unknown --weaknas-labels '\(weaknasLabels)' (expected one of: \(WeakNASLabelScaling.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard let acquisition = AcquisitionName(rawValue: weaknasAcquisition) else {
                    throw ExperimentError.badInput(
                        "unknown --weaknas-acquisition '\(weaknasAcquisition)' (expected one of: \(AcquisitionName.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                func weakNAS(_ model: some RankingModel) throws -> any SearchStrategy {
                    if acquisition == .ei {
                        let ensemble = try ExpectedImprovementRankingModel(
                            base: model, members: weaknasEnsemble, calibration: eiCalibration)
                        return try WeakNAS(
                            model: ensemble, initialSamples: weaknasInitial, topN: weaknasBatch, batchSize: weaknasBatch,
                            topOf: .available, labelScaling: labels)
                    }
                    return try WeakNAS(
                        model: model, initialSamples: weaknasInitial, topN: weaknasTop, batchSize: weaknasBatch, topOf: topOf,
                        labelScaling: labels)
                }
                switch model {
                case .mlp:
                    // With table scaling the MLP fits the labels as WeakNAS gives them, as the
                    // authors' scikit-learn MLPRegressor does.
                    let configuration = MLPConfiguration(epochs: mlpEpochs, standardizeLabels: labels == .queried)
                    return try weakNAS(PredictorRankingModel<MLPPredictor>(name: "mlp", configuration: configuration))
                case .gcn:
                    let configuration = GCNConfiguration(
                        nodeCount: graphShape.nodeCount, opClassCount: graphShape.opClassCount)
                    return try weakNAS(
                        PredictorRankingModel<GCNPredictor>(name: "gcn", configuration: configuration, encoding: .graph))
                case .ridgeOnehot:
                    return try weakNAS(try OneHotRidgeModel(lambda: ridgeLambda))
                case .rf:
                    return try weakNAS(
                        PredictorRankingModel<RandomForest>(name: "rf", configuration: RandomForestConfiguration()))
                case .gbdt:
                    return try weakNAS(
                        PredictorRankingModel<GradientBoostedTrees>(name: "gbdt", configuration: GradientBoostingConfiguration()))
                }
            }
        }
    }
}
