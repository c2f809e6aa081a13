import NASTensor

/// NB201's reduction block (`ResNetBasicblock`, stride 2): ReLU-conv3x3(stride 2)-BN, then
/// ReLU-conv3x3-BN, plus a shortcut of 2x2 average pooling and a 1x1 convolution.
final class ResNetBasicBlock: Module, BatchNormHolder {
    let convA: ReLUConvBN
    let convB: ReLUConvBN
    let shortcut: Conv2d

    init(_ cIn: Int, _ cOut: Int, init scheme: InitScheme, tap: ActivationTap,
         using rng: inout some RandomNumberGenerator) {
        convA = ReLUConvBN(cIn, cOut, kernel: 3, stride: 2, padding: 1, init: scheme, tap: tap, using: &rng)
        convB = ReLUConvBN(cOut, cOut, kernel: 3, stride: 1, padding: 1, init: scheme, tap: tap, using: &rng)
        shortcut = Conv2d(cIn, cOut, kernelSize: 1, bias: false, using: &rng)
        scheme.initialise(shortcut, using: &rng)
    }

    func callAsFunction(_ x: Tensor) -> Tensor {
        shortcut(x.avgPool2d(kernel: 2, stride: 2)) + convB(convA(x))
    }

    func namedParameters() -> [(String, Tensor)] {
        prefixedNames("conv_a", convA.namedParameters()) + prefixedNames("conv_b", convB.namedParameters())
            + prefixedNames("downsample.1", shortcut.namedParameters())
    }

    func namedBuffers() -> [(String, Tensor)] {
        prefixedNames("conv_a", convA.namedBuffers()) + prefixedNames("conv_b", convB.namedBuffers())
    }

    func setTraining(_ training: Bool) {
        convA.setTraining(training)
        convB.setTraining(training)
    }

    var batchNorms: [BatchNorm2d] { [convA.bn, convB.bn] }
}
