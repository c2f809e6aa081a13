import NASTensor

/// NB201's `ReLUConvBN`: ReLU, convolution without bias, affine batch norm.
final class ReLUConvBN: Module, BatchNormHolder {
    let conv: Conv2d
    let bn: BatchNorm2d
    let tap: ActivationTap

    init(_ cIn: Int, _ cOut: Int, kernel: Int, stride: Int, padding: Int, init scheme: InitScheme,
         tap: ActivationTap, using rng: inout some RandomNumberGenerator) {
        conv = Conv2d(cIn, cOut, kernelSize: kernel, stride: stride, padding: padding, bias: false, using: &rng)
        scheme.initialise(conv, using: &rng)
        bn = BatchNorm2d(cOut)
        self.tap = tap
    }

    func callAsFunction(_ x: Tensor) -> Tensor { bn(conv(tap.relu(x))) }

    func namedParameters() -> [(String, Tensor)] {
        prefixedNames("op.1", conv.namedParameters()) + prefixedNames("op.2", bn.namedParameters())
    }

    func namedBuffers() -> [(String, Tensor)] { prefixedNames("op.2", bn.namedBuffers()) }

    func setTraining(_ training: Bool) { bn.setTraining(training) }

    var batchNorms: [BatchNorm2d] { [bn] }
}
