import NASTensor

/// The generator's training loss and its parts (`GeneratorModel.loss` returns the same three).
public struct GeneratorLoss {
    /// `reconstruction + klWeight * kl`.
    public let total: Tensor
    /// The negative teacher-forced log-likelihood of the graphs, summed over the batch.
    public let reconstruction: Tensor
    /// `KL(N(mean, exp(logVariance)) || N(0, I))`, summed over the batch.
    public let kl: Tensor
}
