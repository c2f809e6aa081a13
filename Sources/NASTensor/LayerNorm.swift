/// Layer normalisation over the last axis with a learnable scale and shift, as PyTorch's
/// `nn.LayerNorm(features)` (weight ones, bias zeros, `eps = 1e-5`).
public final class LayerNorm: Module {
    /// `[features]`, initially ones.
    public let weight: Tensor
    /// `[features]`, initially zeros.
    public let bias: Tensor
    /// Added to the variance before the square root.
    public let epsilon: Float

    public init(_ features: Int, epsilon: Float = 1e-5) {
        precondition(features > 0, "LayerNorm: features must be positive, got \(features)")
        weight = Tensor.ones([features], requiresGrad: true)
        bias = Tensor.zeros([features], requiresGrad: true)
        self.epsilon = epsilon
    }

    /// A layer over given tensors (used as they are, not copied).
    ///
    /// - Precondition: `weight` and `bias` are both `[features]`.
    public init(weight: Tensor, bias: Tensor, epsilon: Float = 1e-5) {
        precondition(weight.rank == 1 && weight.count > 0 && bias.shape == weight.shape,
                     "LayerNorm(weight:bias:): weight and bias must be [features], got \(weight.shape) and \(bias.shape)")
        self.weight = weight
        self.bias = bias
        self.epsilon = epsilon
    }

    /// `[..., features]` to the same shape.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        x.layerNorm(weight: weight, bias: bias, epsilon: epsilon)
    }

    public func namedParameters() -> [(String, Tensor)] { [("weight", weight), ("bias", bias)] }

    public func setTraining(_ training: Bool) {}
}
