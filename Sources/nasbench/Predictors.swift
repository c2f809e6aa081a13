import ArgumentParser
import Foundation
import NASExperiments
import NASOracle
import NASPredictors

struct Predictors: SpecCommand {
    private static let defaults = PredictorSpec(table: "")

    static let configuration = CommandConfiguration(
        abstract: "Train performance predictors on n random cells of a table and score them on all the others.",
        discussion: """
            For each predictor, train size and trial, fits on n random labelled cells (the same split for every \
            predictor within a trial) and scores Kendall tau, Spearman, Pearson, precision@10/100, MAE and RMSE on all \
            held-out cells. Writes results.csv (byte-reproducible), timings.csv, config.json (every hyperparameter) \
            and summary.csv into --out; config.json records the resolved spec, and --spec RUN/config.json re-runs it; see docs/PREDICTORS.md. \
            Settings: defaults < --spec FILE < --config FILE.json|yaml (hyperparameters) < the options below. The NB201 \
            experiment is experiments/predictors-nb201.sh.
            """)

    @OptionGroup(title: "Spec (PredictorSpec's keys: docs/PREDICTORS.md)")
    var specOptions: SpecOptions

    @Option(help: "A nasbench HDF5 table (nb201, nb101 or nbgraph space); train and test cells are its rows.")
    var table: String?

    @OptionGroup(title: "Label column")
    var label: ColumnOptions

    @Option(help: "Label seed: mean (the seed-mean column; the default) or a training seed number.")
    var labelSeed: SeedChoice?

    @Flag(help: "Leave out cells whose label is missing (NaN); without it such a column is an error.")
    var dropMissingLabels = false

    @Option(help: "Comma-separated training-set sizes (default \(Self.defaults.trainSizes.map(String.init).joined(separator: ","))).", transform: Self.parseSizes)
    var trainSizes: [Int]?

    @Option(help: "Trials per predictor and train size (default \(Self.defaults.trials)).")
    var trials: Int?

    @Option(help: "Comma-separated: \(PredictorKind.allCases.map(\.rawValue).joined(separator: ", ")) (default \(Self.defaults.predictors.map(\.rawValue).joined(separator: ","))).",
            transform: PredictorKind.parseList)
    var predictors: [PredictorKind]?

    @Option(help: "Cell encoding: adjacency (adjacency one-hot; the default), path (not for nbgraph) or graph; layouts per space in docs/PREDICTORS.md.",
            transform: Encoding.init(parsing:))
    var encoding: Encoding?

    @OptionGroup(title: "Run")
    var runOptions: RunOptions

    @Option(help: "JSON or YAML file of hyperparameters, keyed by predictor: rf, gbdt, gbdt-ensemble, mlp, gcn, ridge (docs/PREDICTORS.md).")
    var config: String?

    @OptionGroup(title: "Hyperparameters (override --config)")
    var hyperparameters: PredictorOptions

    func validate() throws {
        if !specOptions.printSpec { _ = try runOptions.folder() }
        if labelSeed == .sampled { throw ValidationError("--label-seed takes mean or a seed number, not sampled") }
        if specOptions.spec == nil {
            if table == nil { throw ValidationError("Missing expected argument '--table <table>'") }
            _ = try label.required()
        }
    }

    /// The spec file (or the defaults) with every option given applied.
    func resolvedSpec() throws -> PredictorSpec {
        var resolved = try specOptions.base(PredictorSpec(table: ""))
        if let table { resolved.table = table }
        if label.isGiven || resolved.label == nil {
            let (dataset, split, metric) = try label.required()
            resolved.label = PredictorSpec.Label(dataset: dataset, split: split, metric: metric, epochs: label.epochs)
        } else if let epochs = label.epochs {
            resolved.label?.epochs = epochs
        }
        if let labelSeed { resolved.label?.seed = labelSeed }
        if dropMissingLabels { resolved.dropMissingLabels = true }
        if let trainSizes { resolved.trainSizes = trainSizes }
        if let trials { resolved.trials = trials }
        if let predictors { resolved.predictors = predictors }
        if let encoding { resolved.encoding = encoding }
        if let seed = runOptions.seed { resolved.seed = seed }
        if let config {
            let data = try ConfigFile.jsonData(path: config)
            do {
                resolved.settings = try PredictorSettings(json: data)
            } catch {
                throw ExperimentError.badInput("--config \(config): \(error)")
            }
        }
        try hyperparameters.apply(to: &resolved.settings)
        return resolved
    }

    static func parseSizes(_ text: String) throws -> [Int] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            guard let size = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw ExperimentError.badInput("bad --train-sizes '\(text)': expected comma-separated integers, e.g. 10,100,1000")
            }
            return size
        }
    }

    func run(_ spec: PredictorSpec) throws {
        let experiment = try spec.makeExperiment()
        try runOptions.execute(
            spec: spec, files: PredictorExperiment.files(folder: try runOptions.folder()), config: try experiment.config(),
            trials: experiment.totalTrials, progressLabel: "predictor trials", trial: { try experiment.runTrial($0) },
            summarize: { try Summarize.summarize(try runOptions.folder()) })
    }
}
