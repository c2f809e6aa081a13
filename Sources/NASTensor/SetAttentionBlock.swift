/// The set attention block `SAB(X) = MAB(X, X)` of the Set Transformer, as MetaD2A's `SAB`
/// (set_encoder/setenc_modules.py): `[B, N, dimIn]` to `[B, N, dimOut]`, equivariant to the
/// order of the `N` set elements. Parameters are named `mab.*` as in PyTorch.
public final class SetAttentionBlock: Module {
    /// The block applied to `(X, X)`.
    public let mab: MultiheadAttentionBlock

    /// `MAB(dimIn, dimIn, dimOut, numHeads)` with PyTorch's default initialisation.
    public init(dimIn: Int, dimOut: Int, numHeads: Int, layerNorm: Bool = false,
                using rng: inout some RandomNumberGenerator) {
        mab = MultiheadAttentionBlock(dimQ: dimIn, dimK: dimIn, dimV: dimOut, numHeads: numHeads,
                                      layerNorm: layerNorm, using: &rng)
    }

    /// A block around a given `MAB`.
    public init(mab: MultiheadAttentionBlock) { self.mab = mab }

    /// `[B, N, dimIn]` to `[B, N, dimOut]`.
    public func callAsFunction(_ x: Tensor) -> Tensor { mab(x, x) }

    public func namedParameters() -> [(String, Tensor)] { prefixed("mab", mab.namedParameters()) }

    public func setTraining(_ training: Bool) {}
}
