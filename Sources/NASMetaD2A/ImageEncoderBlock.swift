import NASTensor

/// torchvision's ResNet `BasicBlock`: conv3x3(stride)-BN-ReLU-conv3x3-BN, plus the input (through
/// a 1x1 convolution with the stride and a BN when the shape changes), then ReLU. No biases in the
/// convolutions. Parameters named as torchvision names them (`conv1`, `bn1`, `conv2`, `bn2`,
/// `downsample.0`, `downsample.1`).
final class ImageEncoderBlock: Module {
    let conv1: Conv2d
    let bn1: BatchNorm2d
    let conv2: Conv2d
    let bn2: BatchNorm2d
    let downsample: (conv: Conv2d, bn: BatchNorm2d)?

    init(_ cIn: Int, _ cOut: Int, stride: Int, using rng: inout some RandomNumberGenerator) {
        conv1 = ImageEncoder.convolution(cIn, cOut, kernel: 3, stride: stride, using: &rng)
        bn1 = BatchNorm2d(cOut, fusedReLU: true)
        conv2 = ImageEncoder.convolution(cOut, cOut, kernel: 3, stride: 1, using: &rng)
        bn2 = BatchNorm2d(cOut)
        downsample = stride != 1 || cIn != cOut
            ? (ImageEncoder.convolution(cIn, cOut, kernel: 1, stride: stride, using: &rng), BatchNorm2d(cOut)) : nil
    }

    func callAsFunction(_ x: Tensor) -> Tensor {
        let body = bn2(conv2(bn1(conv1(x))))
        let identity = downsample.map { $0.bn($0.conv(x)) } ?? x
        return (body + identity).relu()
    }

    func namedParameters() -> [(String, Tensor)] {
        prefixedNames("conv1", conv1.namedParameters()) + prefixedNames("bn1", bn1.namedParameters())
            + prefixedNames("conv2", conv2.namedParameters()) + prefixedNames("bn2", bn2.namedParameters())
            + (downsample.map { prefixedNames("downsample.0", $0.conv.namedParameters()) + prefixedNames("downsample.1", $0.bn.namedParameters()) } ?? [])
    }

    func namedBuffers() -> [(String, Tensor)] {
        prefixedNames("bn1", bn1.namedBuffers()) + prefixedNames("bn2", bn2.namedBuffers())
            + (downsample.map { prefixedNames("downsample.1", $0.bn.namedBuffers()) } ?? [])
    }

    func setTraining(_ training: Bool) {
        bn1.setTraining(training)
        bn2.setTraining(training)
        downsample?.bn.setTraining(training)
    }
}
