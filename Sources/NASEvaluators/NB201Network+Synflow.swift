import Foundation
import NASTensor

extension NB201Network {
    /// The log of the synflow score (Tanaka et al., "Pruning neural networks without any data
    /// by iteratively conserving synaptic flow", NeurIPS 2020; as a zero-cost proxy, Abdelfattah
    /// et al., ICLR 2021): with every parameter replaced by its absolute value and batch norm
    /// in inference mode (identity at initialisation), one all-ones image is sent through and
    /// `R = sum(logits)` back-propagated; the score is `sum over parameters of w * dR/dw`.
    ///
    /// The network's weights are replaced by their absolute values and its BN running
    /// statistics are reset: use a fresh network.
    /// Returns `log(score)` (`-inf` when the flow is zero, e.g. when a cell disconnects).
    public func synflowLogScore(height: Int = 32, width: Int = 32) -> Double {
        let parameters = namedParameters().map(\.1)
        for p in parameters { p.assign(p.data.map(abs)); p.zeroGrad() }
        // Fresh running statistics, so BN is the identity even after batches went through
        // in training mode (RWE's features, NASWOT): the score does not depend on images.
        for (name, buffer) in namedBuffers() {
            buffer.assign([Float](repeating: name.hasSuffix("running_var") ? 1 : 0, count: buffer.count))
        }
        eval()
        let ones = Tensor.ones([1, 3, height, width])
        callAsFunction(ones).sum().backward()
        var score = 0.0
        for p in parameters {
            guard let g = p.gradStorage else { continue }
            for (w, dw) in zip(p.data, g) { score += Double(w) * Double(dw) }
        }
        train()
        for p in parameters { p.zeroGrad() }
        return score > 0 ? log(score) : -.infinity
    }
}
