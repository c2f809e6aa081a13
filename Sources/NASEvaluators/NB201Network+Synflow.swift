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
        // In float32 the flow of a full-size network (C 16, N 5) overflows: its score reaches
        // e^100 and more (NASLib computes it in float64). With absolute weights, BN as the
        // identity and an all-ones input every op is linear and every activation non-negative,
        // so the score scales exactly with any constant that divides an activation: when a
        // block's output exceeds 2^40, it is divided by a power of two (exact in floating
        // point, recorded in `exponent`) and the score is multiplied back in log space.
        // Smaller networks are never rescaled and get the same bits as without this.
        var exponent = 0
        func rescaled(_ h: Tensor) -> Tensor {
            guard let largest = h.data.max(), largest > 0x1p40, largest.isFinite else { return h }
            let k = Int(largest.exponent)
            exponent += k
            return h * Float(sign: .plus, exponent: -k, significand: 1)
        }
        var h = rescaled(stemBN(stemConv(Tensor.ones([1, 3, height, width]))))
        for layer in body { h = rescaled(layer(h)) }
        classifier(tap.relu(lastBN(h)).globalAvgPool2d()).sum().backward()
        var score = 0.0
        for p in parameters {
            guard let g = p.gradStorage else { continue }
            for (w, dw) in zip(p.data, g) { score += Double(w) * Double(dw) }
        }
        train()
        for p in parameters { p.zeroGrad() }
        guard score > 0 else { return -.infinity }
        return exponent == 0 ? log(score) : log(score) + Double(exponent) * log(2.0)
    }
}
