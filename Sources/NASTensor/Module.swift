/// A layer or network: a callable with named parameters and buffers.
///
/// Names compose with dots (`"0.weight"`, `"block.1.running_mean"`), matching
/// PyTorch's `state_dict` keys so checkpoints can be compared.
public protocol Module: AnyObject {
    /// Applies the module.
    func callAsFunction(_ x: Tensor) -> Tensor
    /// Learnable tensors (with `requiresGrad`), by name.
    func namedParameters() -> [(String, Tensor)]
    /// Non-learnable state such as running statistics, by name.
    func namedBuffers() -> [(String, Tensor)]
    /// Switches training behaviour (batch-norm statistics, dropout) on or off.
    func setTraining(_ training: Bool)
}

extension Module {
    /// No buffers by default.
    public func namedBuffers() -> [(String, Tensor)] { [] }

    /// Learnable tensors in a stable order.
    public func parameters() -> [Tensor] { namedParameters().map(\.1) }

    /// Training mode (the default for new modules).
    public func train() { setTraining(true) }

    /// Inference mode: running statistics, no dropout.
    public func eval() { setTraining(false) }

    /// A copy of all parameters and buffers keyed by name.
    public func state() -> [String: Tensor] {
        var s: [String: Tensor] = [:]
        for (k, v) in namedParameters() + namedBuffers() { s[k] = v.detached() }
        return s
    }

    /// Copies values from `state` into the parameters and buffers in place.
    ///
    /// - Precondition: every key is present (when `strict`) and shapes match.
    public func loadState(_ state: [String: Tensor], strict: Bool = true) {
        let mine = namedParameters() + namedBuffers()
        for (k, t) in mine {
            guard let src = state[k] else {
                precondition(!strict, "loadState: missing key \"\(k)\" (expected shape \(t.shape))")
                continue
            }
            precondition(src.shape == t.shape, "loadState: \"\(k)\" has shape \(src.shape), module expects \(t.shape)")
            t.assign(src.data)
        }
        if strict {
            let known = Set(mine.map(\.0))
            let extra = state.keys.filter { !known.contains($0) }.sorted()
            precondition(extra.isEmpty, "loadState: unexpected keys \(extra)")
        }
    }

    /// Clears the gradients of all parameters.
    public func zeroGrad() { for p in parameters() { p.zeroGrad() } }
}

/// Prefixes names with `prefix.`.
func prefixed(_ prefix: String, _ items: [(String, Tensor)]) -> [(String, Tensor)] {
    items.map { ("\(prefix).\($0.0)", $0.1) }
}

/// Prefixes names with `prefix.` (as PyTorch's `state_dict` does for children).
public func prefixedNames(_ prefix: String, _ items: [(String, Tensor)]) -> [(String, Tensor)] {
    items.map { ("\(prefix).\($0.0)", $0.1) }
}
