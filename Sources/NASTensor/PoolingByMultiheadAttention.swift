/// Pooling by multihead attention `PMA(X) = MAB(S, X)` of the Set Transformer, as MetaD2A's
/// `PMA` (set_encoder/setenc_modules.py): `numSeeds` learnable seed vectors `S` attend to the
/// set, so `[B, N, dim]` becomes `[B, numSeeds, dim]` whatever `N` is. The seeds are the
/// parameter `S` (`[1, numSeeds, dim]`), repeated over the batch; the block is `mab.*`.
public final class PoolingByMultiheadAttention: Module {
    /// `[1, numSeeds, dim]`.
    public let seeds: Tensor
    /// `MAB(dim, dim, dim, numHeads)`.
    public let mab: MultiheadAttentionBlock

    /// PyTorch's initialisation: `S` Xavier-uniform (`torch.nn.init.xavier_uniform_` on
    /// `[1, numSeeds, dim]`: fan in `numSeeds * dim`, fan out `dim`), drawn before the block's layers.
    public init(dim: Int, numHeads: Int, numSeeds: Int, layerNorm: Bool = false,
                using rng: inout some RandomNumberGenerator) {
        precondition(dim > 0 && numSeeds > 0, "PoolingByMultiheadAttention: dim \(dim) and numSeeds \(numSeeds) must be positive")
        seeds = Tensor.xavierUniform([1, numSeeds, dim], using: &rng)
        mab = MultiheadAttentionBlock(dimQ: dim, dimK: dim, dimV: dim, numHeads: numHeads, layerNorm: layerNorm, using: &rng)
    }

    /// Pooling with given seeds and block (used as they are).
    ///
    /// - Precondition: `seeds` is `[1, numSeeds, dim]` with `dim` the block's query width.
    public init(seeds: Tensor, mab: MultiheadAttentionBlock) {
        precondition(seeds.rank == 3 && seeds.shape[0] == 1 && seeds.shape[1] > 0 && seeds.shape[2] == mab.fcQ.weight.shape[1],
                     "PoolingByMultiheadAttention: seeds must be [1, numSeeds, \(mab.fcQ.weight.shape[1])], got \(seeds.shape)")
        self.seeds = seeds
        self.mab = mab
    }

    /// `[B, N, dim]` to `[B, numSeeds, dimV]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(x.rank == 3, "PoolingByMultiheadAttention: input must be [B, N, dim], got \(x.shape)")
        let repeated = seeds.indexSelect(axis: 0, indices: [Int](repeating: 0, count: x.shape[0]))
        return mab(repeated, x)
    }

    public func namedParameters() -> [(String, Tensor)] { [("S", seeds)] + prefixed("mab", mab.namedParameters()) }

    public func setTraining(_ training: Bool) {}
}
