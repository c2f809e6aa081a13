import ArgumentParser
import NASEvaluators
import NASExperiments

/// The settings of random-weight evaluation, shared by `nasbench rwe` and `nasbench moo --accuracy rwe`;
/// each overrides the spec's `rwe` entry. Defaults are ``RandomWeightEvaluator``'s (chosen by the
/// sweep in docs/RESULTS.md).
struct RWEOptions: ParsableArguments {
    private static let defaults = RWESetup()

    @Option(help: "CIFAR-10 binary archive (cifar-10-binary.tar.gz layout).")
    var cifar: String?

    @Option(help: "C, the stem width of the evaluated network (NB201 uses 16; default \(defaults.evaluator.channels)).")
    var channels: Int?

    @Option(help: "N, cells per stage (NB201 uses 5; default \(defaults.evaluator.cellsPerStage)).")
    var cells: Int?

    @Option(help: "Training images whose features fit the head (default \(defaults.images)).")
    var images: Int?

    @Option(help: "Held-out test images that score the head (default \(defaults.testImages)).")
    var testImages: Int?

    @Option(help: "Weight initialisation (default \(defaults.evaluator.initScheme.rawValue)).")
    var initScheme: InitScheme?

    @Option(help: "Batch norm while extracting features (default \(defaults.evaluator.batchNorm.rawValue)).")
    var batchNorm: BatchNormMode?

    @Option(help: "Full-batch Adam steps of the softmax-regression head, or L-BFGS's iteration cap (default \(defaults.evaluator.head.steps)).")
    var headSteps: Int?

    @Option(help: "How the head is fitted: adam (--head-steps steps) or lbfgs (to --head-tolerance, the optimum) (default \(defaults.evaluator.head.solver.rawValue)).")
    var headSolver: HeadSolver?

    @Option(help: "lbfgs stops when the largest absolute gradient entry of the head's objective is at most this (default \(defaults.evaluator.head.tolerance)).")
    var headTolerance: Double?

    @Option(help: "Images in the NASWOT minibatch (default \(defaults.evaluator.naswotBatch)).")
    var naswotBatch: Int?

    func validate() throws {
        for (name, value) in [("--channels", channels), ("--cells", cells), ("--head-steps", headSteps)] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1, got \(value)") }
        }
        if let naswotBatch, naswotBatch < 2 { throw ValidationError("--naswot-batch must be at least 2, got \(naswotBatch)") }
        if let headTolerance, !(headTolerance > 0 && headTolerance.isFinite) {
            throw ValidationError("--head-tolerance must be a positive number, got \(headTolerance)")
        }
    }

    /// `setup` with every option given applied.
    func apply(to setup: inout RWESetup) {
        if let cifar { setup.cifar = cifar }
        if let images { setup.images = images }
        if let testImages { setup.testImages = testImages }
        if let channels { setup.evaluator.channels = channels }
        if let cells { setup.evaluator.cellsPerStage = cells }
        if let initScheme { setup.evaluator.initScheme = initScheme }
        if let batchNorm { setup.evaluator.batchNorm = batchNorm }
        if let headSteps { setup.evaluator.head.steps = headSteps }
        if let headSolver { setup.evaluator.head.solver = headSolver }
        if let headTolerance { setup.evaluator.head.tolerance = headTolerance }
        if let naswotBatch { setup.evaluator.naswotBatch = naswotBatch }
    }
}
