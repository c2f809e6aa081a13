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
        setTraining(true)
        for norm in batchNorms { norm.beginStatisticsEstimate() }
        GradMode.withNoGrad { for batch in batches { _ = self(batch) } }
        for norm in batchNorms { norm.finishStatisticsEstimate() }
        setTraining(false)
    }
}
