/// One step of a gated recurrent unit with PyTorch's `nn.GRUCell` equations, parameters and
/// initialisation:
///
///     r  = sigmoid(x W_ir^T + b_ir + h W_hr^T + b_hr)
///     z  = sigmoid(x W_iz^T + b_iz + h W_hz^T + b_hz)
///     n  = tanh(x W_in^T + b_in + r * (h W_hn^T + b_hn))
///     h' = (1 - z) * n + z * h      (computed as n + z * (h - n), as PyTorch's CPU kernel)
///
/// `weight_ih` is `[3H, in]` (the rows of `W_ir`, `W_iz`, `W_in` in that order), `weight_hh` is
/// `[3H, H]`, `bias_ih` and `bias_hh` are `[3H]`. MetaD2A runs its graph encoders and decoder on
/// this cell (generator/model.py: `nn.GRUCell(nvt, hs)`).
public final class GRUCell: Module {
    /// `[3 * hiddenSize, inputSize]`, gate rows in the order r, z, n.
    public let weightIH: Tensor
    /// `[3 * hiddenSize, hiddenSize]`, gate rows in the order r, z, n.
    public let weightHH: Tensor
    /// `[3 * hiddenSize]`, or `nil`.
    public let biasIH: Tensor?
    /// `[3 * hiddenSize]`, or `nil`.
    public let biasHH: Tensor?

    /// The size `H` of the hidden state.
    public var hiddenSize: Int { weightHH.shape[1] }
    /// The size of one input row.
    public var inputSize: Int { weightIH.shape[1] }

    /// PyTorch's initialisation: every parameter uniform in `±1/sqrt(hiddenSize)`, drawn from
    /// `rng` in the order weight_ih, weight_hh, bias_ih, bias_hh (row-major within each).
    public init(inputSize: Int, hiddenSize: Int, bias: Bool = true, using rng: inout some RandomNumberGenerator) {
        precondition(inputSize > 0 && hiddenSize > 0, "GRUCell: sizes must be positive, got input \(inputSize), hidden \(hiddenSize)")
        let bound = 1 / Float(hiddenSize).squareRoot()
        weightIH = Tensor.randomUniform([3 * hiddenSize, inputSize], bound: bound, requiresGrad: true, using: &rng)
        weightHH = Tensor.randomUniform([3 * hiddenSize, hiddenSize], bound: bound, requiresGrad: true, using: &rng)
        biasIH = bias ? Tensor.randomUniform([3 * hiddenSize], bound: bound, requiresGrad: true, using: &rng) : nil
        biasHH = bias ? Tensor.randomUniform([3 * hiddenSize], bound: bound, requiresGrad: true, using: &rng) : nil
    }

    /// A cell over given tensors (used as they are, not copied).
    ///
    /// - Precondition: shapes `[3H, in]`, `[3H, H]`, and `[3H]` for the biases, both present or both `nil`.
    public init(weightIH: Tensor, weightHH: Tensor, biasIH: Tensor?, biasHH: Tensor?) {
        let h = weightHH.rank == 2 ? weightHH.shape[1] : 0
        precondition(h > 0 && weightHH.shape == [3 * h, h] && weightIH.rank == 2 && weightIH.shape[0] == 3 * h
                     && weightIH.shape[1] > 0,
                     "GRUCell: weights must be [3H, in] and [3H, H], got \(weightIH.shape) and \(weightHH.shape)")
        precondition((biasIH == nil) == (biasHH == nil), "GRUCell: give both biases or neither")
        precondition((biasIH.map { $0.shape == [3 * h] } ?? true) && (biasHH.map { $0.shape == [3 * h] } ?? true),
                     "GRUCell: biases must be [\(3 * h)], got \(biasIH?.shape ?? []) and \(biasHH?.shape ?? [])")
        self.weightIH = weightIH; self.weightHH = weightHH
        self.biasIH = biasIH; self.biasHH = biasHH
    }

    /// One step from state `h` (`[N, H]`) on input `x` (`[N, in]`): the next state, `[N, H]`.
    public func callAsFunction(_ x: Tensor, _ h: Tensor) -> Tensor {
        let hs = hiddenSize
        precondition(x.rank == 2 && x.shape[1] == inputSize, "GRUCell: input must be [N, \(inputSize)], got \(x.shape)")
        precondition(h.shape == [x.shape[0], hs], "GRUCell: state must be [\(x.shape[0]), \(hs)], got \(h.shape)")
        let gi = Linear(weight: weightIH, bias: biasIH)(x)
        let gh = Linear(weight: weightHH, bias: biasHH)(h)
        func gate(_ t: Tensor, _ k: Int) -> Tensor { t.sliced(axis: 1, (k * hs)..<((k + 1) * hs)) }
        let r = (gate(gi, 0) + gate(gh, 0)).sigmoid()
        let z = (gate(gi, 1) + gate(gh, 1)).sigmoid()
        let n = (gate(gi, 2) + r * gate(gh, 2)).tanh()
        return n + z * (h - n)
    }

    /// One step from the zero state, as PyTorch's `GRUCell(x)` without `hx`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(x.rank == 2, "GRUCell: input must be [N, \(inputSize)], got \(x.shape)")
        return self(x, Tensor.zeros([x.shape[0], hiddenSize]))
    }

    /// PyTorch's names: `weight_ih`, `weight_hh`, `bias_ih`, `bias_hh`.
    public func namedParameters() -> [(String, Tensor)] {
        var p = [("weight_ih", weightIH), ("weight_hh", weightHH)]
        if let biasIH, let biasHH { p += [("bias_ih", biasIH), ("bias_hh", biasHH)] }
        return p
    }

    public func setTraining(_ training: Bool) {}
}
