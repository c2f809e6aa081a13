import ArgumentParser
import Foundation
import NASExperiments

/// `nasbench metad2a train-predictor`: the meta-predictor trained on a database's (task, cell, accuracy) pairs.
struct MetaD2ATrainPredictor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-predictor",
        abstract: "Train MetaD2A's meta-predictor on a build-db database and per-image features.",
        discussion: """
            Per pair, the task's set is --num-sample training images of each class drawn afresh (features from the \
            --features files, one per image set, encoded by `metad2a encode`); labels standardised as the authors do, \
            summed squared error, Adam, ReduceLROnPlateau(0.1, patience 10) on the training loss; the best checkpoint \
            (predictor.h5) by Pearson on the held-out pairs. Whole tasks are held out too. --out gets config.json, \
            predictor.json, epochs.csv, timing.csv, checkpoints (--resume continues a killed run to the same bytes), \
            result.json (docs/METAD2A.md).
            """)

    static let defaults = PredictorTrainSpec()

    @Option(help: "The database (build-db's metad2a-db.h5).")
    var db: String

    @Option(parsing: .upToNextOption, help: "Feature files, one per image set of the database (metad2a encode).")
    var features: [String]

    @Option(help: "Epochs (default \(defaults.epochs)).")
    var epochs: Int?

    @Option(help: "Pairs per batch (default \(defaults.batchSize)).")
    var batchSize: Int?

    @Option(help: "Adam's initial learning rate (default \(defaults.learningRate)).")
    var lr: Double?

    @Option(help: "Images per class in a task's set (default \(defaults.numSample)).")
    var numSample: Int?

    @Option(help: "Fraction of tasks held out whole (default \(defaults.heldOutTasks)).")
    var heldOutTasks: Double?

    @Option(help: "Fraction of the other pairs held out: the validation pairs (default \(defaults.heldOutPairs)).")
    var heldOutPairs: Double?

    @Option(help: "Graph encoder and head width hs (default \(defaults.hiddenSize)).")
    var hiddenSize: Int?

    @Option(help: "Embedding width nz (default \(defaults.embeddingSize)).")
    var embeddingSize: Int?

    @Option(help: "Seed of the initialisation, split, order and set draws (default \(defaults.seed)).")
    var seed: UInt64?

    @Flag(help: "Continue the run in --out where it stopped (the configuration must match).")
    var resume = false

    @Option(help: "Output folder.")
    var out: String

    func resolvedSpec() -> PredictorTrainSpec {
        var spec = Self.defaults
        if let epochs { spec.epochs = epochs }
        if let batchSize { spec.batchSize = batchSize }
        if let lr { spec.learningRate = lr }
        if let numSample { spec.numSample = numSample }
        if let heldOutTasks { spec.heldOutTasks = heldOutTasks }
        if let heldOutPairs { spec.heldOutPairs = heldOutPairs }
        if let hiddenSize { spec.hiddenSize = hiddenSize }
        if let embeddingSize { spec.embeddingSize = embeddingSize }
        if let seed { spec.seed = seed }
        return spec
    }

    func run() throws {
        let spec = resolvedSpec()
        try spec.validate()
        let outcome = try PredictorTrainRun.run(spec, database: db, features: try MetaFeatureSets.read(features), out: out, resume: resume)
        func show(_ s: HeldOutScore) -> String {
            "pearson \(MetaD2ATrainPredictor.fixed(s.pearson)) spearman \(MetaD2ATrainPredictor.fixed(s.spearman)) kendall \(MetaD2ATrainPredictor.fixed(s.kendall))"
        }
        print("predictor trained \(outcome.epochs) epochs on \(outcome.trainingPairs) pairs; best epoch \(outcome.bestEpoch): held-out pairs "
              + show(outcome.heldOutPairs) + "; held-out tasks " + show(outcome.heldOutTasks) + "; \(out)/predictor.h5")
    }

    static func fixed(_ value: Double) -> String { value.isNaN ? "nan" : String(format: "%.3f", value) }
}
