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

    @Option(help: "Label dataset or protocol, e.g. cifar10-valid.")
    var dataset: String

    @Option(help: "Label split: train, valid, test, valtest or none.")
    var split: String

    @Option(help: "Label metric: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")).")
    var metric: String

    @Option(help: "Label training epochs (e.g. 200); omit for metrics that do not depend on training.")
    var epochs: Int?

    @Option(help: "Label seed: mean (the seed-mean column) or a training seed number.")
    var labelSeed = "mean"

    @Flag(help: "Leave out cells whose label is missing (NaN); without it such a column is an error.")
    var dropMissingLabels = false

    @Option(help: "Comma-separated training-set sizes.")
    var trainSizes = "10,20,50,100,200,500,1000"

    @Option(help: "Trials per predictor and train size.")
    var trials = 20

    @Option(help: "Comma-separated: \(PredictorKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var predictors = "rf,gbdt"

    @Option(help: "Cell encoding: adjacency (adjacency one-hot), path (not for nbgraph) or graph; layouts per space in docs/PREDICTORS.md.")
    var encoding = "adjacency"

    @OptionGroup(title: "Run")
    var runOptions: RunOptions

    @Option(help: "JSON or YAML file of hyperparameters, keyed by predictor: rf, gbdt, gbdt-ensemble, mlp, gcn (docs/PREDICTORS.md).")
    var config: String?

    @OptionGroup(title: "Hyperparameters (override --config)")
    var hyperparameters: PredictorOptions

    func run() throws {
        let kinds = try PredictorKind.parseList(predictors)
        let encoding = try Encoding(parsing: encoding)
        let sizes = try trainSizes.split(separator: ",", omittingEmptySubsequences: false).map { text in
            guard let size = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw ExperimentError.badInput("bad --train-sizes '\(trainSizes)': expected comma-separated integers, e.g. 10,100,1000")
            }
            return size
        }
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
            data: data, kinds: kinds, settings: settings, trainSizes: sizes, repeats: trials, seed: runOptions.seed,
            dropMissingLabels: dropMissingLabels, table: loaded, tablePath: table)
        try runOptions.execute(
            files: PredictorExperiment.files(folder: runOptions.out), config: try experiment.config(),
            trials: experiment.totalTrials, progressLabel: "predictor trials", trial: { try experiment.runTrial($0) },
            summarize: { try Summarize.summarize(runOptions.out) })
    }

    /// The label column as a query, with the same checks as `nasbench query`.
    func labelQuery(_ table: BenchmarkTable) throws -> NASOracle.Query {
        guard let split = Split(rawValue: split) else {
            throw ExperimentError.badInput("unknown split '\(split)' (expected one of: \(Split.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let metric = Metric(rawValue: metric) else {
            throw ExperimentError.badInput("unknown metric '\(metric)' (expected one of: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let datasets = Set(table.keys.map(\.dataset.rawValue))
        guard let dataset = datasets.first(where: { $0.lowercased() == dataset.lowercased() }) else {
            throw ExperimentError.badInput("unknown dataset '\(dataset)' (this table has: \(datasets.sorted().joined(separator: ", ")))")
        }
        let choice: SeedChoice
        if labelSeed == "mean" {
            choice = .mean
        } else if let k = Int(labelSeed), k >= 0 {
            choice = .fixed(k)
        } else {
            throw ExperimentError.badInput("bad --label-seed '\(labelSeed)' (expected mean or a seed number)")
        }
        return NASOracle.Query(dataset: Dataset(dataset), split: split, metric: metric, epochs: epochs, seed: choice)
    }
}
