/// Running statistics estimated over a whole data set rather than by a momentum average: between
/// ``beginStatisticsEstimate()`` and ``finishStatisticsEstimate()`` every training-mode batch is
/// pooled (``PooledStatistics``) instead of moving the running buffers, and the finish sets them to
/// the pooled mean and unbiased variance. Like PyTorch's `momentum=None` (a cumulative average),
/// but exact for unequal batches: the buffers become the mean and variance of every element that
/// reached the layer.
extension BatchNorm2d {
    /// Starts pooling the statistics of the batches that follow (in training mode).
    public func beginStatisticsEstimate() {
        pooled = PooledStatistics(channels: runningMean.count)
    }

    /// Sets the running mean and variance to the pooled ones and stops pooling; with no batch
    /// seen the buffers keep their values.
    public func finishStatisticsEstimate() {
        guard let stats = pooled else { return }
        pooled = nil
        guard stats.count > 0 else { return }
        runningMean.assign(stats.mean.map { Float($0) })
        runningVar.assign(stats.unbiasedVariance.map { Float($0) })
    }
}
