import ArgumentParser
import Foundation
import NASExperiments
import NASOracle
import NASPredictors

struct Predictors: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train performance predictors on n random cells of a table and score them on all the others.",
        discussion: """
            For each predictor, train size and trial, fits on n random labelled cells (the same split for every \
            predictor within a trial) and scores Kendall tau, Spearman, Pearson, precision@10/100, MAE and RMSE on all \
            held-out cells. Writes results.csv (byte-reproducible), timings.csv, config.json (every hyperparameter) \
            and summary.csv into --out; see docs/PREDICTORS.md. Hyperparameters: defaults < --config FILE.json|yaml < the \
            options below. The NB201 experiment is experiments/predictors-nb201.sh.
            """)

    @Option(help: "A nasbench HDF5 table (nb201, nb101 or nbgraph space); train and test cells are its rows.")
    var table: String

    @OptionGroup(title: "Label column")
    var label: ColumnOptions

    @Option(help: "Label seed: mean (the seed-mean column) or a training seed number.")
    var labelSeed: SeedChoice = .mean

    @Flag(help: "Leave out cells whose label is missing (NaN); without it such a column is an error.")
    var dropMissingLabels = false

    @Option(help: "Comma-separated training-set sizes.", transform: Self.parseSizes)
    var trainSizes = [10, 20, 50, 100, 200, 500, 1000]

    @Option(help: "Trials per predictor and train size.")
    var trials = 20

    @Option(help: "Comma-separated: \(PredictorKind.allCases.map(\.rawValue).joined(separator: ", ")).",
            transform: PredictorKind.parseList)
    var predictors: [PredictorKind] = [.randomForest, .gradientBoosting]

    @Option(help: "Cell encoding: adjacency (adjacency one-hot), path (not for nbgraph) or graph; layouts per space in docs/PREDICTORS.md.",
            transform: Encoding.init(parsing:))
    var encoding = Encoding.adjacencyOneHot

    @OptionGroup(title: "Run")
    var runOptions: RunOptions

    @Option(help: "JSON or YAML file of hyperparameters, keyed by predictor: rf, gbdt, gbdt-ensemble, mlp, gcn, ridge (docs/PREDICTORS.md).")
    var config: String?

    @OptionGroup(title: "Hyperparameters (override --config)")
    var hyperparameters: PredictorOptions

    func validate() throws {
        if labelSeed == .sampled { throw ValidationError("--label-seed takes mean or a seed number, not sampled") }
    }

    static func parseSizes(_ text: String) throws -> [Int] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            guard let size = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw ExperimentError.badInput("bad --train-sizes '\(text)': expected comma-separated integers, e.g. 10,100,1000")
            }
            return size
        }
    }

    func run() throws {
        var settings = PredictorSettings()
        if let config {
            let data = try ConfigFile.jsonData(path: config)
            do {
                settings = try PredictorSettings(json: data)
            } catch {
                throw ExperimentError.badInput("--config \(config): \(error)")
            }
        }
        try hyperparameters.apply(to: &settings)
        let loaded = try BenchmarkTable.load(table)
        let data = try PredictorData(
            table: loaded, query: try labelQuery(loaded), encoding: encoding, dropMissingLabels: dropMissingLabels)
        let experiment = try PredictorExperiment(
            data: data, kinds: predictors, settings: settings, trainSizes: trainSizes, repeats: trials, seed: runOptions.seed ?? 0,
            dropMissingLabels: dropMissingLabels, table: loaded, tablePath: table)
        try runOptions.execute(
            files: PredictorExperiment.files(folder: runOptions.out), config: try experiment.config(),
            trials: experiment.totalTrials, progressLabel: "predictor trials", trial: { try experiment.runTrial($0) },
            summarize: { try Summarize.summarize(runOptions.out) })
    }

    /// The label column as a query, with the same checks as `nasbench query`.
    func labelQuery(_ table: BenchmarkTable) throws -> NASOracle.Query {
        try label.query(in: table, seed: labelSeed)
    }
}
