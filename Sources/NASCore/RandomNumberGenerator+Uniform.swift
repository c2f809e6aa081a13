extension RandomNumberGenerator {
    /// A uniformly distributed integer in `0..<bound`, without modulo bias.
    ///
    /// Uses Lemire's multiply-and-reject method, written out here (rather than relying on
    /// the standard library's `random(in:using:)`, whose algorithm is not guaranteed to stay
    /// the same) so that seeded sequences stay reproducible across Swift versions.
    ///
    /// - Precondition: `bound > 0`.
    public mutating func nextUniform(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "nextUniform(below:) needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
