import Foundation

extension Tensor {
    /// Binary cross-entropy of these logits against `targets` in `[0, 1]`, as PyTorch's
    /// `BCEWithLogitsLoss`: per element `max(x, 0) - x y + log1p(e^-|x|)`, which equals
    /// `-(y log sigmoid(x) + (1 - y) log(1 - sigmoid(x)))` without overflow for any `x`.
    ///
    /// A primitive: the gradient is `sigmoid(x) - y` for the logits and `-x` for the targets.
    /// (MetaD2A's generator applies `F.binary_cross_entropy` to sigmoid probabilities, which
    /// clamps each log at -100; the two agree until `sigmoid(x)` rounds to 0 or 1 in Float32,
    /// about `|x| > 17`, where this form keeps the exact loss `|x|` instead of 100.)
    ///
    /// - Precondition: `targets` has the shape of `self`.
    public func binaryCrossEntropyWithLogits(_ targets: Tensor, reduction: LossReduction) -> Tensor {
        precondition(shape == targets.shape,
                     "binaryCrossEntropyWithLogits: logits \(shape) and targets \(targets.shape) differ")
        let xd = data, yd = targets.data
        let losses = Kernels.zipMap(xd, yd) { x, y in
            Swift.max(x, 0) - x * y + Foundation.log1p(Foundation.exp(-Swift.abs(x)))
        }
        let needX = requiresGrad, needY = targets.requiresGrad
        let elementwise = Tensor.makeResult(shape: shape, data: losses, parents: [self, targets]) { g in
            [needX ? Kernels.zipMap3(g, xd, yd) { g, x, y in g * (Tensor.stableSigmoid(x) - y) } : nil,
             needY ? Kernels.zipMap(g, xd) { g, x in -g * x } : nil]
        }
        switch reduction {
        case .none: return elementwise
        case .mean: return elementwise.mean()
        case .sum: return elementwise.sum()
        }
    }
}
