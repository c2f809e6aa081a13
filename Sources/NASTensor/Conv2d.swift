/// 2-D convolution layer over `[N, C, H, W]` inputs.
public final class Conv2d: Module {
    /// `[out, in / groups, k, k]`.
    public let weight: Tensor
    /// `[out]`, or `nil`.
    public let bias: Tensor?
    public let stride: Int, padding: Int, dilation: Int, groups: Int

    /// Kaiming-uniform weights (`a = sqrt(5)`, PyTorch's default) drawn from `rng`.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
                dilation: Int = 1, groups: Int = 1, bias: Bool = true,
                using rng: inout some RandomNumberGenerator) {
        precondition(inChannels > 0 && outChannels > 0 && kernelSize > 0 && groups > 0
                     && inChannels % groups == 0 && outChannels % groups == 0,
                     "Conv2d: channels \(inChannels) -> \(outChannels), kernel \(kernelSize), groups \(groups) invalid")
        weight = Tensor.kaimingUniform([outChannels, inChannels / groups, kernelSize, kernelSize],
                                       a: Float(5).squareRoot(), using: &rng)
        let fanIn = inChannels / groups * kernelSize * kernelSize
        self.bias = bias ? Tensor.randomUniform([outChannels], bound: 1 / Float(fanIn).squareRoot(),
                                                requiresGrad: true, using: &rng) : nil
        self.stride = stride; self.padding = padding; self.dilation = dilation; self.groups = groups
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        x.conv2d(weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation, groups: groups)
    }

    public func namedParameters() -> [(String, Tensor)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    public func setTraining(_ training: Bool) {}
}
