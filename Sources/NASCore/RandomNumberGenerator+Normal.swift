import Foundation

extension RandomNumberGenerator {
    /// A standard normal sample: Box–Muller on two ``nextUnitDouble()`` draws (our own method,
    /// not the standard library's `Double.random(in:using:)`, whose algorithm may change
    /// between Swift versions).
    public mutating func nextNormal() -> Float {
        // u1 in (0, 1] so log(u1) is finite.
        let u1 = 1 - nextUnitDouble()
        let u2 = nextUnitDouble()
        return Float((-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2))
    }
}
