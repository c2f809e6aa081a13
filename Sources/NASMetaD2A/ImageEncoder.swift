import NASTensor

/// MetaD2A's per-image feature extractor on the engine: a ResNet-18-layout network (torchvision's
/// ImageNet `resnet18` without `fc`, ``ImageEncoderConfiguration``) mapping `[N, 3, H, W]` images
/// to `[N, featureSize]` features. At 32x32 the stem and max pooling leave 8x8 maps, the last stage
/// 1x1.
///
/// Weights start as torchvision initialises them: convolutions Kaiming-normal in fan-out mode
/// (`std = sqrt(2 / (out * k * k))`), BN weight 1 and bias 0; the projection (narrow widths only)
/// at PyTorch's `Linear` default. Parameters are named as in torchvision's state dict (`conv1.weight`,
/// `layer2.0.downsample.1.running_var`); the projection is `projection.weight`/`projection.bias`.
public final class ImageEncoder: Module {
    public let configuration: ImageEncoderConfiguration
    let conv1: Conv2d
    let bn1: BatchNorm2d
    /// `stages[s][b]` is torchvision's `layer{s+1}.{b}`.
    let stages: [[ImageEncoderBlock]]
    let projection: Linear?

    /// A freshly initialised encoder; every draw comes from `rng`.
    public init(_ configuration: ImageEncoderConfiguration = ImageEncoderConfiguration(),
                using rng: inout some RandomNumberGenerator) throws {
        try configuration.validate()
        self.configuration = configuration
        conv1 = Self.convolution(3, configuration.width, kernel: 7, stride: 2, using: &rng)
        bn1 = BatchNorm2d(configuration.width, fusedReLU: true)
        var stages: [[ImageEncoderBlock]] = []
        var cIn = configuration.width
        for (s, blocks) in configuration.blocksPerStage.enumerated() {
            let cOut = configuration.stageWidth(s)
            stages.append((0..<blocks).map { b in
                defer { cIn = cOut }
                return ImageEncoderBlock(cIn, cOut, stride: b == 0 && s > 0 ? 2 : 1, using: &rng)
            })
        }
        self.stages = stages
        projection = configuration.projects ? Linear(configuration.pooledWidth, configuration.featureSize, using: &rng) : nil
    }

    /// A bias-free convolution padded by `kernel / 2`, Kaiming-normal in fan-out mode (torchvision's
    /// ResNet initialisation).
    static func convolution(_ cIn: Int, _ cOut: Int, kernel: Int, stride: Int,
                            using rng: inout some RandomNumberGenerator) -> Conv2d {
        let conv = Conv2d(cIn, cOut, kernelSize: kernel, stride: stride, padding: kernel / 2, bias: false, using: &rng)
        let std = Float(2 / Double(cOut * kernel * kernel)).squareRoot()
        conv.weight.assign((0..<conv.weight.count).map { _ in rng.nextNormal() * std })
        return conv
    }

    /// Features `[N, featureSize]` of images `[N, 3, H, W]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        var h = bn1(conv1(x)).maxPool2d(kernel: 3, stride: 2, padding: 1)
        for stage in stages {
            for block in stage { h = block(h) }
        }
        let pooled = h.globalAvgPool2d()
        return projection.map { $0(pooled) } ?? pooled
    }

    public func namedParameters() -> [(String, Tensor)] {
        var out = prefixedNames("conv1", conv1.namedParameters()) + prefixedNames("bn1", bn1.namedParameters())
        for (s, stage) in stages.enumerated() {
            for (b, block) in stage.enumerated() { out += prefixedNames("layer\(s + 1).\(b)", block.namedParameters()) }
        }
        return out + (projection.map { prefixedNames("projection", $0.namedParameters()) } ?? [])
    }

    public func namedBuffers() -> [(String, Tensor)] {
        var out = prefixedNames("bn1", bn1.namedBuffers())
        for (s, stage) in stages.enumerated() {
            for (b, block) in stage.enumerated() { out += prefixedNames("layer\(s + 1).\(b)", block.namedBuffers()) }
        }
        return out
    }

    public func setTraining(_ training: Bool) {
        bn1.setTraining(training)
        for stage in stages { for block in stage { block.setTraining(training) } }
    }
}
