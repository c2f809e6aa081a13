import NASTensor

/// `nn.Sequential(nn.Linear(in, hidden), activation, nn.Linear(hidden, out))`, the shape of
/// MetaD2A's `add_vertex`, `add_edge` (ReLU) and `pred_fc` (Tanh). Parameter names as PyTorch's
/// `state_dict` numbers them: `0.weight`, `0.bias`, `2.weight`, `2.bias`.
public final class TwoLayerPerceptron: Module {
    /// The activation between the layers.
    public enum Activation: Sendable { case relu, tanh }

    /// The first and second layer.
    public let first: Linear, second: Linear
    /// The activation between them.
    public let activation: Activation

    /// PyTorch's default initialisation, first layer then second.
    public init(_ inputSize: Int, _ hiddenSize: Int, _ outputSize: Int, activation: Activation,
                using rng: inout some RandomNumberGenerator) {
        first = Linear(inputSize, hiddenSize, using: &rng)
        second = Linear(hiddenSize, outputSize, using: &rng)
        self.activation = activation
    }

    /// `[..., in]` to `[..., out]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let h = first(x)
        switch activation {
        case .relu: return second(h.relu())
        case .tanh: return second(h.tanh())
        }
    }

    public func namedParameters() -> [(String, Tensor)] {
        prefixedNames("0", first.namedParameters()) + prefixedNames("2", second.namedParameters())
    }

    public func setTraining(_ training: Bool) {}
}
