/// The multihead attention block `MAB(Q, K)` of the Set Transformer (Lee et al., ICML 2019) in
/// the form MetaD2A uses (set_encoder/setenc_modules.py, `MAB`):
///
///     Q' = fc_q(Q), K' = fc_k(K), V' = fc_v(K)                     [B, N, dimV]
///     per head h (columns h*d ..< (h+1)*d of each, d = dimV / numHeads):
///         O_h = Q'_h + softmax(Q'_h K'_h^T / sqrt(dimV)) V'_h       (softmax over the keys)
///     O = concat_h O_h;  O = ln0(O);  O = O + relu(fc_o(O));  O = ln1(O)
///
/// The scores are divided by `sqrt(dimV)`, the full width, not by the per-head width `sqrt(d)`
/// of "Attention is all you need": that is what the MetaD2A (and Set Transformer) code does,
/// `math.sqrt(self.dim_V)`. The residual adds the projected query `Q'`, and the layer norms are
/// optional (MetaD2A builds every block with `ln=False`). Parameter names follow PyTorch's
/// `state_dict`: `fc_q.weight`, `fc_q.bias`, `fc_k.*`, `fc_v.*`, `ln0.*`, `ln1.*`, `fc_o.*`.
public final class MultiheadAttentionBlock: Module {
    /// Query projection, `dimQ -> dimV`.
    public let fcQ: Linear
    /// Key projection, `dimK -> dimV`.
    public let fcK: Linear
    /// Value projection, `dimK -> dimV`.
    public let fcV: Linear
    /// Output projection inside the residual, `dimV -> dimV`.
    public let fcO: Linear
    /// Layer norms after the attention and after the output residual, or `nil` (MetaD2A: `nil`).
    public let ln0: LayerNorm?, ln1: LayerNorm?
    /// The number of heads; divides ``dimV``.
    public let numHeads: Int

    /// The width of the block's output.
    public var dimV: Int { fcQ.weight.shape[0] }

    /// PyTorch's default initialisation of each `nn.Linear` (``Linear/init(_:_:bias:using:)``),
    /// drawn in the order fc_q, fc_k, fc_v, fc_o; layer norms start at weight 1, bias 0.
    ///
    /// - Precondition: positive sizes and `numHeads` divides `dimV`.
    public init(dimQ: Int, dimK: Int, dimV: Int, numHeads: Int, layerNorm: Bool = false,
                using rng: inout some RandomNumberGenerator) {
        precondition(numHeads > 0 && dimV > 0 && dimV % numHeads == 0,
                     "MultiheadAttentionBlock: dimV \(dimV) must be a positive multiple of numHeads \(numHeads)")
        fcQ = Linear(dimQ, dimV, using: &rng)
        fcK = Linear(dimK, dimV, using: &rng)
        fcV = Linear(dimK, dimV, using: &rng)
        ln0 = layerNorm ? LayerNorm(dimV) : nil
        ln1 = layerNorm ? LayerNorm(dimV) : nil
        fcO = Linear(dimV, dimV, using: &rng)
        self.numHeads = numHeads
    }

    /// A block over given layers (used as they are, not copied).
    ///
    /// - Precondition: the projections map to one width `dimV` that `numHeads` divides, `fcK` and
    ///   `fcV` read the same width, `fcO` is `dimV -> dimV`, and the norms (both or neither) are `[dimV]`.
    public init(fcQ: Linear, fcK: Linear, fcV: Linear, fcO: Linear, numHeads: Int,
                ln0: LayerNorm? = nil, ln1: LayerNorm? = nil) {
        let dimV = fcQ.weight.shape[0]
        precondition(numHeads > 0 && dimV % numHeads == 0,
                     "MultiheadAttentionBlock: dimV \(dimV) must be a positive multiple of numHeads \(numHeads)")
        precondition(fcK.weight.shape[0] == dimV && fcV.weight.shape[0] == dimV && fcK.weight.shape[1] == fcV.weight.shape[1]
                     && fcO.weight.shape == [dimV, dimV],
                     "MultiheadAttentionBlock: projections \(fcQ.weight.shape), \(fcK.weight.shape), \(fcV.weight.shape), \(fcO.weight.shape) do not fit one dimV \(dimV)")
        precondition((ln0 == nil) == (ln1 == nil)
                     && (ln0.map { $0.weight.shape == [dimV] } ?? true) && (ln1.map { $0.weight.shape == [dimV] } ?? true),
                     "MultiheadAttentionBlock: give both layer norms of [\(dimV)] or neither")
        self.fcQ = fcQ; self.fcK = fcK; self.fcV = fcV; self.fcO = fcO
        self.ln0 = ln0; self.ln1 = ln1
        self.numHeads = numHeads
    }

    /// `MAB(query, key)`: `query` `[B, Nq, dimQ]` and `key` `[B, Nk, dimK]` to `[B, Nq, dimV]`.
    public func callAsFunction(_ query: Tensor, _ key: Tensor) -> Tensor {
        precondition(query.rank == 3 && key.rank == 3 && query.shape[0] == key.shape[0],
                     "MultiheadAttentionBlock: query and key must be [B, N, features] with one B, got \(query.shape) and \(key.shape)")
        let q = fcQ(query), k = fcK(key), v = fcV(key)
        let batch = q.shape[0], nq = q.shape[1], width = dimV, heads = numHeads, d = width / heads
        // [B, N, H * d] -> [B * H, N, d]: head h reads columns h*d ..< (h+1)*d, as torch's split(d, 2).
        func split(_ t: Tensor) -> Tensor {
            let n = t.shape[1]
            return t.reshaped([batch, n, heads, d]).permuted([0, 2, 1, 3]).reshaped([batch * heads, n, d])
        }
        let qh = split(q), kh = split(k), vh = split(v)
        let scores = qh.matmul(kh, transposeOther: true) / Float(width).squareRoot()
        let attention = scores.softmax(axis: 2)
        let heads0 = qh + attention.matmul(vh)
        var o = heads0.reshaped([batch, heads, nq, d]).permuted([0, 2, 1, 3]).reshaped([batch, nq, width])
        if let ln0 { o = ln0(o) }
        o = o + fcO(o).relu()
        if let ln1 { o = ln1(o) }
        return o
    }

    /// Self-attention, `MAB(x, x)` (what ``SetAttentionBlock`` computes).
    public func callAsFunction(_ x: Tensor) -> Tensor { self(x, x) }

    public func namedParameters() -> [(String, Tensor)] {
        var p = prefixed("fc_q", fcQ.namedParameters()) + prefixed("fc_k", fcK.namedParameters())
            + prefixed("fc_v", fcV.namedParameters())
        if let ln0, let ln1 { p += prefixed("ln0", ln0.namedParameters()) + prefixed("ln1", ln1.namedParameters()) }
        return p + prefixed("fc_o", fcO.namedParameters())
    }

    public func setTraining(_ training: Bool) {}
}
