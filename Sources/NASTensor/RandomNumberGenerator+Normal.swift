import Foundation

extension RandomNumberGenerator {
    /// A standard normal sample (Box–Muller on two uniform draws).
    public mutating func nextNormal() -> Float {
        // u1 in (0, 1] so log(u1) is finite.
        let u1 = 1 - Double.random(in: 0..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return Float((-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2))
    }
}
