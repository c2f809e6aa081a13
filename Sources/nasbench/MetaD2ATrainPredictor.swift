import ArgumentParser
import Foundation
import NASExperiments

extension PredictorTrainSpec.PlateauMetric: ExpressibleByArgument {}

/// `nasbench metad2a train-predictor`: the meta-predictor trained on a database's (task, cell, accuracy) pairs.
struct MetaD2ATrainPredictor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-predictor",
        abstract: "Train MetaD2A's meta-predictor on a build-db database and per-image features.",
        discussion: """
            Per pair, the task's set is --num-sample training images of each class drawn afresh (features from the \
            --features files, one per image set, encoded by `metad2a encode`); labels standardised as the authors do, \
            summed squared error, Adam, ReduceLROnPlateau(0.1, patience 10) on the training loss (--plateau-on valid: the held-out pairs' loss); the best checkpoint \
            (predictor.h5) by Pearson on the held-out pairs. Whole tasks are held out too. --out gets config.json, \
            predictor.json, epochs.csv, timing.csv, checkpoints (--resume continues a killed run to the same bytes), \
            result.json (docs/METAD2A.md).
            """)

    static let defaults = PredictorTrainSpec()

    @OptionGroup var common: MetaD2ATrainingOptions

    @Option(help: "Fraction of the other pairs held out: the validation pairs (default \(defaults.heldOutPairs)).")
    var heldOutPairs: Double?

    @Option(help: "Embedding width nz (default \(defaults.embeddingSize)).")
    var embeddingSize: Int?

    @Option(help: "The loss the plateau schedule watches: train (the authors') or valid (the held-out pairs').")
    var plateauOn: PredictorTrainSpec.PlateauMetric?

    func resolvedSpec() -> PredictorTrainSpec {
        var spec = Self.defaults
        common.apply(epochs: &spec.epochs, batchSize: &spec.batchSize, learningRate: &spec.learningRate, numSample: &spec.numSample,
                     heldOutTasks: &spec.heldOutTasks, hiddenSize: &spec.hiddenSize, seed: &spec.seed)
        if let heldOutPairs { spec.heldOutPairs = heldOutPairs }
        if let embeddingSize { spec.embeddingSize = embeddingSize }
        if let plateauOn { spec.plateauOn = plateauOn }
        return spec
    }

    func run() throws {
        let spec = resolvedSpec()
        try spec.validate()
        let outcome = try PredictorTrainRun.run(spec, database: common.db, features: try MetaFeatureSets.read(common.features), out: common.out,
                                                  resume: common.resume)
        func show(_ s: HeldOutScore) -> String {
            "pearson \(MetaD2ATrainPredictor.fixed(s.pearson)) spearman \(MetaD2ATrainPredictor.fixed(s.spearman)) kendall \(MetaD2ATrainPredictor.fixed(s.kendall))"
        }
        print("predictor trained \(outcome.epochs) epochs on \(outcome.trainingPairs) pairs; best epoch \(outcome.bestEpoch): held-out pairs "
              + show(outcome.heldOutPairs) + "; held-out tasks " + show(outcome.heldOutTasks) + "; \(common.out)/predictor.h5")
    }

    static func fixed(_ value: Double) -> String { value.isNaN ? "nan" : String(format: "%.3f", value) }
}
