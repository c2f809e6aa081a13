/// Per-channel mean and variance pooled over batches: Chan, Golub and LeVeque's pairwise update
/// in Double, so the result is the statistics of every element seen, whatever the batch sizes.
/// What ``BatchNorm2d`` accumulates while it estimates its running statistics.
public struct PooledStatistics: Sendable {
    /// Elements seen per channel.
    public private(set) var count = 0.0
    /// Per-channel mean of every element seen.
    public private(set) var mean: [Double]
    /// Per-channel sum of squared deviations from ``mean``.
    private var squaredDeviations: [Double]

    public init(channels: Int) {
        mean = [Double](repeating: 0, count: channels)
        squaredDeviations = [Double](repeating: 0, count: channels)
    }

    /// Adds one batch given by its per-channel mean, biased variance and element count.
    public mutating func add(mean batchMean: [Float], variance: [Float], count n: Int) {
        let b = Double(n), total = count + b
        guard b > 0 else { return }
        for c in mean.indices {
            let delta = Double(batchMean[c]) - mean[c]
            mean[c] += delta * b / total
            squaredDeviations[c] += Double(variance[c]) * b + delta * delta * count * b / total
        }
        count = total
    }

    /// Per-channel unbiased variance (PyTorch's `running_var` convention).
    public var unbiasedVariance: [Double] { squaredDeviations.map { $0 / max(count - 1, 1) } }
}
