/// How a loss combines its per-element values (PyTorch's `reduction`).
public enum LossReduction: String, CaseIterable, Sendable {
    /// One value per element, the input's shape.
    case none
    /// The mean over all elements (a scalar).
    case mean
    /// The sum over all elements (a scalar).
    case sum
}
