/// Fully connected layer `y = x W^T + b` with `W` of shape `[out, in]`.
public final class Linear: Module {
    /// `[outFeatures, inFeatures]`.
    public let weight: Tensor
    /// `[outFeatures]`, or `nil`.
    public let bias: Tensor?

    /// Kaiming-uniform weights (`a = sqrt(5)`, PyTorch's default) and a uniform
    /// bias in `±1/sqrt(in)`, drawn from `rng`.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true,
                using rng: inout some RandomNumberGenerator) {
        precondition(inFeatures > 0 && outFeatures > 0, "Linear: sizes must be positive, got \(inFeatures) -> \(outFeatures)")
        weight = Tensor.kaimingUniform([outFeatures, inFeatures], a: Float(5).squareRoot(), using: &rng)
        let bound = 1 / Float(inFeatures).squareRoot()
        self.bias = bias ? Tensor.randomUniform([outFeatures], bound: bound, requiresGrad: true, using: &rng) : nil
    }

    /// A layer over given tensors (used as they are, not copied), e.g. to differentiate with
    /// respect to tensors the caller holds.
    ///
    /// - Precondition: `weight` is `[out, in]` and `bias`, if any, is `[out]`.
    public init(weight: Tensor, bias: Tensor?) {
        precondition(weight.rank == 2 && weight.shape.allSatisfy { $0 > 0 },
                     "Linear(weight:bias:): weight must be [out, in] with positive sizes, got \(weight.shape)")
        precondition(bias.map { $0.shape == [weight.shape[0]] } ?? true,
                     "Linear(weight:bias:): bias must be [\(weight.shape[0])], got \(bias?.shape ?? [])")
        self.weight = weight
        self.bias = bias
    }

    /// `[..., in]` to `[..., out]`: any leading dimensions (none for a single vector), as
    /// PyTorch's `nn.Linear`. A 2-D input is one matrix product; a higher-rank one is
    /// flattened to `[rows, in]` for that product and reshaped back.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        let inFeatures = weight.shape[1]
        precondition(x.rank >= 1 && x.shape[x.rank - 1] == inFeatures,
                     "Linear: input must be [..., \(inFeatures)], got \(x.shape)")
        if x.rank == 2 {
            let y = x.matmul(weight, transposeOther: true)
            return bias.map { y + $0 } ?? y
        }
        let rows = x.reshaped([-1, inFeatures])
        var y = rows.matmul(weight, transposeOther: true)
        if let bias { y = y + bias }
        return y.reshaped(Array(x.shape.dropLast()) + [weight.shape[0]])
    }

    public func namedParameters() -> [(String, Tensor)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    public func setTraining(_ training: Bool) {}
}
