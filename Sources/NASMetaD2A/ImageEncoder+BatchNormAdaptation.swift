import NASTensor

/// Batch-norm statistics re-estimated on the images at hand (AdaBN: Li, Wang, Shi, Hou, Liu,
/// "Revisiting batch normalization for practical domain adaptation", 2017): the weights stay, every
/// layer's running mean and variance become those of the given images (pooled exactly over the
/// batches, each layer seeing the previous ones normalised by batch statistics). It needs no
/// labels, so a meta-test set's own images may adapt the encoder before it encodes them.
extension ImageEncoder {
    /// Every batch norm, in forward order (stem, then each block's `bn1`, `bn2`, `downsample.1`).
    public var batchNorms: [BatchNorm2d] {
        [bn1] + stages.flatMap { stage in stage.flatMap { [$0.bn1, $0.bn2] + ($0.downsample.map { [$0.bn] } ?? []) } }
    }

    /// Re-estimates every batch norm's running statistics over `batches`, then leaves the encoder
    /// in inference mode.
    public func adaptBatchNorm(to batches: [Tensor]) {
        adaptBatchNorm(batchCount: batches.count) { batches[$0] }
    }

    /// The same over `batchCount` batches made one at a time by `batch` (so a large set never sits
    /// in memory at once). On a throw the statistics are left as they were.
    public func adaptBatchNorm(batchCount: Int, batch: (Int) throws -> Tensor) rethrows {
        setTraining(true)
        defer { setTraining(false) }
        let saved = batchNorms.map { ($0.runningMean.data, $0.runningVar.data) }
        for norm in batchNorms { norm.beginStatisticsEstimate() }
        do {
            try GradMode.withNoGrad { for b in 0..<batchCount { _ = self(try batch(b)) } }
        } catch {
            for norm in batchNorms { norm.finishStatisticsEstimate() }
            for (norm, (mean, variance)) in zip(batchNorms, saved) {
                norm.runningMean.assign(mean)
                norm.runningVar.assign(variance)
            }
            throw error
        }
        for norm in batchNorms { norm.finishStatisticsEstimate() }
    }
}
