import NASCore

extension Tensor {
    /// `log(softmax(x))` along `axis`, composed from max, exp, sum and log
    /// (the max is subtracted as a constant for stability).
    public func logSoftmax(axis: Int = -1) -> Tensor {
        let shift = max(axes: [axis], keepDims: true).detached()
        let z = self - shift
        return z - z.exp().sum(axes: [axis], keepDims: true).log()
    }

    /// `softmax(x)` along `axis` (composed: `exp(logSoftmax)`).
    public func softmax(axis: Int = -1) -> Tensor { logSoftmax(axis: axis).exp() }

    /// Mean softmax cross-entropy of `[N, C]` logits against class indices.
    ///
    /// Composed: `-(logSoftmax(logits) * oneHot(labels)).sum() / N`.
    public func softmaxCrossEntropy(labels: [Int]) -> Tensor {
        precondition(rank == 2 && labels.count == shape[0],
                     "softmaxCrossEntropy: logits must be [N, C] with N labels, got \(shape) and \(labels.count) labels")
        let classes = shape[1]
        var hot = [Float](repeating: 0, count: count)
        for (i, l) in labels.enumerated() {
            precondition(l >= 0 && l < classes, "softmaxCrossEntropy: label \(l) out of range for logits \(shape)")
            hot[i * classes + l] = 1
        }
        let oneHot = Tensor(shape: shape, data: hot)
        return (logSoftmax(axis: 1) * oneHot).sum() * (-1 / Float(shape[0]))
    }

    /// Mean squared error against `target` of the same shape (composed).
    public func mseLoss(_ target: Tensor) -> Tensor {
        precondition(shape == target.shape, "mseLoss: prediction \(shape) and target \(target.shape) differ")
        return (self - target).square().mean()
    }

    /// Inverted dropout: zeroes each element with probability `p` and scales
    /// the rest by `1 / (1 - p)` (composed as a product with a constant mask).
    /// Identity when `training` is false or `p == 0`.
    public func dropout(p: Float, training: Bool, using rng: inout some RandomNumberGenerator) -> Tensor {
        precondition(p >= 0 && p < 1, "dropout: p must be in [0, 1), got \(p) for input \(shape)")
        guard training, p > 0 else { return self }
        let keep = 1 / (1 - p)
        var mask = [Float](repeating: 0, count: count)
        for i in 0..<count where rng.nextUnitFloat() >= p { mask[i] = keep }
        return self * Tensor(shape: shape, data: mask)
    }
}
