import NASTensor

/// A model and its `Adam` state as one module state (the engine's HDF5 format): the model's
/// parameters and buffers under `model.`, the moments as `adam.m.K` and `adam.v.K`, the step
/// counts as `adam.steps`. Built for saving, it holds a copy of the optimiser's state at that
/// moment; built for loading (`loadState(from:)`), ``restoreOptimizer()`` then hands the loaded
/// state to the optimiser, which puts a training run back exactly where the checkpoint left it.
public final class TrainingCheckpoint: Module {
    public let model: any Module
    public let optimizer: Adam
    private let firstMoments: [Tensor], secondMoments: [Tensor], steps: Tensor

    public init(model: any Module, optimizer: Adam) {
        self.model = model
        self.optimizer = optimizer
        let shapes = optimizer.parameters.map(\.shape)
        firstMoments = zip(shapes, optimizer.firstMoments).map { Tensor(shape: $0, data: $1) }
        secondMoments = zip(shapes, optimizer.secondMoments).map { Tensor(shape: $0, data: $1) }
        // Exact as floats up to 2^24 steps.
        steps = Tensor(shape: [optimizer.steps.count], data: optimizer.steps.map(Float.init))
    }

    public func callAsFunction(_ x: Tensor) -> Tensor { model(x) }

    public func namedParameters() -> [(String, Tensor)] { prefixedNames("model", model.namedParameters()) }

    public func namedBuffers() -> [(String, Tensor)] {
        prefixedNames("model", model.namedBuffers())
            + firstMoments.enumerated().map { ("adam.m.\($0)", $1) }
            + secondMoments.enumerated().map { ("adam.v.\($0)", $1) } + [("adam.steps", steps)]
    }

    public func setTraining(_ training: Bool) { model.setTraining(training) }

    /// Hands the loaded moments and step counts to the optimiser.
    public func restoreOptimizer() {
        optimizer.restoreState(firstMoments: firstMoments.map(\.data), secondMoments: secondMoments.map(\.data),
                               steps: steps.data.map { Int($0) })
    }
}
