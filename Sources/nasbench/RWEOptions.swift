import ArgumentParser
import NASEvaluators

/// The settings of random-weight evaluation, shared by `nasbench rwe` and `nasbench moo --accuracy rwe`.
/// Defaults are ``RandomWeightEvaluator``'s (chosen by the sweep in docs/RESULTS.md).
struct RWEOptions: ParsableArguments {
    @Option(help: "C, the stem width of the evaluated network (NB201 uses 16).")
    var channels = RandomWeightEvaluator().channels

    @Option(help: "N, cells per stage (NB201 uses 5).")
    var cells = RandomWeightEvaluator().cellsPerStage

    @Option(help: "Training images whose features fit the head.")
    var images = RandomWeightEvaluator.defaultTrainImages

    @Option(help: "Held-out test images that score the head.")
    var testImages = RandomWeightEvaluator.defaultTestImages

    @Option(help: "Weight initialisation.")
    var initScheme = RandomWeightEvaluator().initScheme

    @Option(help: "Batch norm while extracting features: \(BatchNormMode.allCases.map(\.rawValue).joined(separator: ", ")) (inference mode, fresh running statistics).",
            transform: BatchNormMode.init(parsing:))
    var batchNorm = RandomWeightEvaluator().batchNorm

    @Option(help: "Full-batch Adam steps (epochs) of the softmax-regression head.")
    var headSteps = RandomWeightEvaluator().head.steps

    /// The evaluator these options describe.
    func evaluator() throws -> RandomWeightEvaluator {
        var evaluator = RandomWeightEvaluator()
        evaluator.channels = channels
        evaluator.cellsPerStage = cells
        evaluator.initScheme = initScheme
        evaluator.batchNorm = batchNorm
        evaluator.head.steps = headSteps
        return evaluator
    }
}
