import NASTensor

/// A model and its ``ResumableAdam`` as one module state (the engine's HDF5 format): the model's
/// parameters and buffers under `model.`, the moments as `adam.m.K` and `adam.v.K`, the step
/// counts as `adam.steps`. Loading it (`loadState(from:)`) then ``restoreOptimizer()`` puts a
/// training run back exactly where the checkpoint left it.
public final class TrainingCheckpoint: Module {
    public let model: any Module
    public let optimizer: ResumableAdam
    private let steps: Tensor

    public init(model: any Module, optimizer: ResumableAdam) {
        self.model = model
        self.optimizer = optimizer
        steps = optimizer.stepTensor
    }

    public func callAsFunction(_ x: Tensor) -> Tensor { model(x) }

    public func namedParameters() -> [(String, Tensor)] { prefixedNames("model", model.namedParameters()) }

    public func namedBuffers() -> [(String, Tensor)] {
        prefixedNames("model", model.namedBuffers())
            + optimizer.firstMoments.enumerated().map { ("adam.m.\($0)", $1) }
            + optimizer.secondMoments.enumerated().map { ("adam.v.\($0)", $1) } + [("adam.steps", steps)]
    }

    public func setTraining(_ training: Bool) { model.setTraining(training) }

    /// Hands the loaded step counts to the optimiser (the moments are loaded in place).
    public func restoreOptimizer() { optimizer.restoreSteps(from: steps) }
}
