/// Dropout layer with its own seeded generator (no global random state).
public final class Dropout: Module {
    public let p: Float
    private var rng: SplitMix64
    public private(set) var isTraining = true

    /// - Parameters:
    ///   - p: drop probability in `[0, 1)`.
    ///   - seed: seed of the layer's mask generator.
    public init(p: Float, seed: UInt64) {
        precondition(p >= 0 && p < 1, "Dropout: p must be in [0, 1), got \(p)")
        self.p = p
        rng = SplitMix64(seed: seed)
    }

    public func callAsFunction(_ x: Tensor) -> Tensor { x.dropout(p: p, training: isTraining, using: &rng) }
    public func namedParameters() -> [(String, Tensor)] { [] }
    public func setTraining(_ training: Bool) { isTraining = training }
}
