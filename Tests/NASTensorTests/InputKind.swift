/// How test inputs are drawn.
enum InputKind {
    /// Uniform in `lo..<hi`.
    case uniform(Float, Float)
    /// Distinct values on a grid of spacing 0.05, offset by 0.025 from zero and
    /// shuffled: no ties and nothing within 0.025 of a ReLU/max kink, so a
    /// finite-difference step of 0.01 never crosses one.
    case distinct
}
