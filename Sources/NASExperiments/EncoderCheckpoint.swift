import NASMetaD2A
import NASTensor

/// A training checkpoint of the image encoder as one module state (the engine's HDF5 format):
/// the encoder (`encoder.*`), the classification head (`head.*`) and SGD's momentum buffers
/// (`optimizer.momentum.K`, zeros before the first step), so a resumed run continues exactly.
final class EncoderCheckpoint: Module {
    let encoder: ImageEncoder
    let head: Linear
    let optimizer: SGD
    let momentum: [Tensor]

    init(encoder: ImageEncoder, head: Linear, optimizer: SGD) {
        self.encoder = encoder
        self.head = head
        self.optimizer = optimizer
        momentum = optimizer.parameters.enumerated().map { k, p in
            let buffer = optimizer.momentumBuffers[k]
            return Tensor(shape: p.shape, data: buffer.isEmpty ? [Float](repeating: 0, count: p.count) : buffer)
        }
    }

    func callAsFunction(_ x: Tensor) -> Tensor { head(encoder(x)) }

    func namedParameters() -> [(String, Tensor)] {
        prefixedNames("encoder", encoder.namedParameters()) + prefixedNames("head", head.namedParameters())
    }

    func namedBuffers() -> [(String, Tensor)] {
        prefixedNames("encoder", encoder.namedBuffers()) + momentum.enumerated().map { ("optimizer.momentum.\($0)", $1) }
    }

    func setTraining(_ training: Bool) { encoder.setTraining(training) }

    /// Hands the loaded momentum to the optimiser.
    func restoreMomentum() { optimizer.momentumBuffers = momentum.map(\.data) }
}
