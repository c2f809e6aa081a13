/// Batch normalisation over channels of `[N, C, H, W]` (or `[N, C]`) with
/// PyTorch semantics: running statistics updated with `momentum` using the
/// unbiased batch variance; inference uses the running statistics.
public final class BatchNorm2d: Module {
    /// Scale, `[C]`, initialised to 1.
    public let weight: Tensor
    /// Shift, `[C]`, initialised to 0.
    public let bias: Tensor
    /// Running mean buffer, `[C]`.
    public let runningMean: Tensor
    /// Running variance buffer, `[C]`.
    public let runningVar: Tensor
    public let momentum: Float, epsilon: Float
    /// Whether batch statistics are used (and running ones updated).
    public private(set) var isTraining = true
    /// Batch statistics pooled while the running ones are estimated (`BatchNorm2d+StatisticsEstimate`).
    var pooled: PooledStatistics?
    /// Whether a ReLU follows in the same op (``Tensor/batchNorm(gamma:beta:runningMean:runningVar:training:epsilon:relu:)``):
    /// the values of batch norm then `relu()`, in one pass on blocked layouts.
    public let fusedReLU: Bool

    public init(_ channels: Int, momentum: Float = 0.1, epsilon: Float = 1e-5, fusedReLU: Bool = false) {
        precondition(channels > 0, "BatchNorm2d: channels must be positive, got \(channels)")
        weight = Tensor.ones([channels], requiresGrad: true)
        bias = Tensor.zeros([channels], requiresGrad: true)
        runningMean = Tensor.zeros([channels])
        runningVar = Tensor.ones([channels])
        self.momentum = momentum; self.epsilon = epsilon; self.fusedReLU = fusedReLU
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let (y, stats) = x.batchNorm(gamma: weight, beta: bias, runningMean: runningMean.data,
                                     runningVar: runningVar.data, training: isTraining, epsilon: epsilon, relu: fusedReLU)
        if let stats, pooled != nil {
            pooled?.add(mean: stats.mean, variance: stats.variance, count: stats.count)
        } else if let stats {
            let unbias = Float(stats.count) / Float(max(stats.count - 1, 1))
            runningMean.withMutableData { rm in
                for i in rm.indices { rm[i] = (1 - momentum) * rm[i] + momentum * stats.mean[i] }
            }
            runningVar.withMutableData { rv in
                for i in rv.indices { rv[i] = (1 - momentum) * rv[i] + momentum * stats.variance[i] * unbias }
            }
        }
        return y
    }

    public func namedParameters() -> [(String, Tensor)] { [("weight", weight), ("bias", bias)] }

    public func namedBuffers() -> [(String, Tensor)] {
        [("running_mean", runningMean), ("running_var", runningVar)]
    }

    public func setTraining(_ training: Bool) { isTraining = training }
}
