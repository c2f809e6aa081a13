/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, seedable 64-bit generator with
/// good statistical quality (passes BigCrush), used wherever the project needs
/// reproducible randomness. Every seed, including 0, is valid.
///
/// Not cryptographically secure. Sequences are part of the project's reproducibility
/// contract: the same seed yields the same stream on every platform and Swift version.
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
    /// The internal state (advanced by the golden-ratio increment on every draw).
    public private(set) var state: UInt64

    /// A generator whose stream is fully determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
