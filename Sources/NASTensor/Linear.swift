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

    /// `[N, in]` to `[N, out]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(x.rank == 2 && x.shape[1] == weight.shape[1],
                     "Linear: input must be [N, \(weight.shape[1])], got \(x.shape)")
        let y = x.matmul(weight, transposeOther: true)
        return bias.map { y + $0 } ?? y
    }

    public func namedParameters() -> [(String, Tensor)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    public func setTraining(_ training: Bool) {}
}
