import NASTensor

/// MetaD2A's encoder of a dataset (`set_encode` in generator/model.py and
/// predictor/predictor_model.py): per class, the set of its images' features is pooled into a
/// prototype (`intra_setpool`), then the set of prototypes into one embedding (`inter_setpool`).
///
///     task [classes, samples, featureSize]
///       -> intra_setpool -> [classes, 1, embedding] -> [1, classes, embedding]
///       -> inter_setpool -> [1, 1, embedding] -> [1, embedding]
///
/// Both are ``SetPool``s with hidden and output width `embeddingSize` (the authors' `nz = 56`);
/// the intra one reads `featureSize` (512, the ResNet-18 features the authors' data holds).
/// Parameter names: `intra_setpool.*`, `inter_setpool.*`.
public final class DatasetEncoder: Module {
    /// Pools each class's features to a prototype.
    public let intraSetPool: SetPool
    /// Pools the prototypes to the dataset's embedding.
    public let interSetPool: SetPool

    /// The width of one image's features.
    public var featureSize: Int { intraSetPool.enc0.mab.fcK.weight.shape[1] }
    /// The width of the embedding.
    public var embeddingSize: Int { interSetPool.fc.weight.shape[0] }

    /// PyTorch's default initialisation, intra then inter.
    public init(featureSize: Int = 512, embeddingSize: Int = 56, numHeads: Int = 4,
                using rng: inout some RandomNumberGenerator) {
        intraSetPool = SetPool(inputSize: featureSize, hiddenSize: embeddingSize, outputSize: embeddingSize,
                               numHeads: numHeads, using: &rng)
        interSetPool = SetPool(inputSize: embeddingSize, hiddenSize: embeddingSize, outputSize: embeddingSize,
                               numHeads: numHeads, using: &rng)
    }

    /// One task's embedding: `[classes, samples, featureSize]` to `[1, embeddingSize]`.
    public func callAsFunction(_ task: Tensor) -> Tensor {
        precondition(task.rank == 3 && task.shape[0] > 0 && task.shape[1] > 0 && task.shape[2] == featureSize,
                     "DatasetEncoder: a task must be [classes, samples, \(featureSize)], got \(task.shape)")
        let prototypes = intraSetPool(task)  // [classes, 1, e]
        let pooled = interSetPool(prototypes.reshaped([1, task.shape[0], embeddingSize]))
        return pooled.reshaped([1, embeddingSize])
    }

    /// The embeddings of several tasks (each may have its own class and sample counts), `[B, embeddingSize]`.
    public func encode(_ tasks: [Tensor]) -> Tensor {
        precondition(!tasks.isEmpty, "DatasetEncoder.encode: needs at least one task")
        return Tensor.cat(tasks.map { self($0) }, axis: 0)
    }

    public func namedParameters() -> [(String, Tensor)] {
        prefixedNames("intra_setpool", intraSetPool.namedParameters())
            + prefixedNames("inter_setpool", interSetPool.namedParameters())
    }

    public func setTraining(_ training: Bool) {}
}
