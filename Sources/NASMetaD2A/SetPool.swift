import NASTensor

/// MetaD2A's `SetPool` in mode `'sabPF'` (set_encoder/setenc_models.py): a Set Transformer that
/// pools a set to `numSeeds` vectors,
///
///     enc = SAB(input -> hidden), SAB(hidden -> hidden)
///     dec = PMA(hidden, numSeeds), Linear(hidden -> output)
///
/// with `numHeads` heads and no layer norm (`SetPool`'s defaults `num_heads=4`, `ln=False`; the
/// models build it with `num_outputs=1`). `[B, N, input]` to `[B, numSeeds, output]`. Parameter
/// names follow PyTorch's `state_dict`: `enc.0.mab.*`, `enc.1.mab.*`, `dec.0.S`, `dec.0.mab.*`,
/// `dec.1.weight`, `dec.1.bias`.
public final class SetPool: Module {
    /// The two set attention blocks of the encoder.
    public let enc0: SetAttentionBlock, enc1: SetAttentionBlock
    /// The pooling block.
    public let pma: PoolingByMultiheadAttention
    /// The final projection.
    public let fc: Linear

    /// PyTorch's default initialisation, drawn from `rng` in registration order (enc, then dec).
    ///
    /// - Precondition: `numHeads` divides `hiddenSize`.
    public init(inputSize: Int, hiddenSize: Int, outputSize: Int, numHeads: Int = 4, numSeeds: Int = 1,
                using rng: inout some RandomNumberGenerator) {
        enc0 = SetAttentionBlock(dimIn: inputSize, dimOut: hiddenSize, numHeads: numHeads, using: &rng)
        enc1 = SetAttentionBlock(dimIn: hiddenSize, dimOut: hiddenSize, numHeads: numHeads, using: &rng)
        pma = PoolingByMultiheadAttention(dim: hiddenSize, numHeads: numHeads, numSeeds: numSeeds, using: &rng)
        fc = Linear(hiddenSize, outputSize, using: &rng)
    }

    /// `[B, N, input]` to `[B, numSeeds, output]`.
    public func callAsFunction(_ x: Tensor) -> Tensor { fc(pma(enc1(enc0(x)))) }

    public func namedParameters() -> [(String, Tensor)] {
        prefixedNames("enc.0", enc0.namedParameters()) + prefixedNames("enc.1", enc1.namedParameters())
            + prefixedNames("dec.0", pma.namedParameters()) + prefixedNames("dec.1", fc.namedParameters())
    }

    public func setTraining(_ training: Bool) {}
}
