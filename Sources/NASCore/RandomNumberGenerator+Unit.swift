extension RandomNumberGenerator {
    /// A uniform `Double` in `[0, 1)`: the top 53 bits of one draw, scaled by 2⁻⁵³.
    ///
    /// Written out here because the standard library's `Double.random(in:using:)` does not
    /// promise its algorithm across Swift versions; seeded streams are part of the project's
    /// reproducibility contract. Every value is a multiple of 2⁻⁵³, so 1 is never returned.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform `Float` in `[0, 1)`: the top 24 bits of one draw, scaled by 2⁻²⁴ (exact in a
    /// `Float`, so rounding never yields 1; see ``nextUnitDouble()`` for why not the stdlib).
    @inlinable
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform `Double` in `range` (`lowerBound + width * u`, `u` from ``nextUnitDouble()``).
    ///
    /// The result is clamped below `upperBound`, which rounding could otherwise reach.
    /// - Precondition: the range is not empty and its width is finite.
    @inlinable
    public mutating func nextDouble(in range: Range<Double>) -> Double {
        precondition(!range.isEmpty && (range.upperBound - range.lowerBound).isFinite, "nextDouble(in:) needs a finite, non-empty range")
        let value = range.lowerBound + (range.upperBound - range.lowerBound) * nextUnitDouble()
        return value < range.upperBound ? value : range.upperBound.nextDown
    }

    /// A uniform `Float` in `range` (`lowerBound + width * u`, `u` from ``nextUnitFloat()``).
    ///
    /// The result is clamped below `upperBound`, which rounding could otherwise reach.
    /// - Precondition: the range is not empty and its width is finite.
    @inlinable
    public mutating func nextFloat(in range: Range<Float>) -> Float {
        precondition(!range.isEmpty && (range.upperBound - range.lowerBound).isFinite, "nextFloat(in:) needs a finite, non-empty range")
        let value = range.lowerBound + (range.upperBound - range.lowerBound) * nextUnitFloat()
        return value < range.upperBound ? value : range.upperBound.nextDown
    }
}
