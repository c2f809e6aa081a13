import Foundation

extension Tensor {
    /// Elementwise primitive with a gradient expressed through input and output.
    @inline(__always)
    static func unary(_ x: Tensor, forward: (Float) -> Float,
                      backward: @escaping (_ g: Float, _ x: Float, _ y: Float) -> Float) -> Tensor {
        let y = Kernels.map(x.data, forward)
        let xd = x.data
        return makeResult(shape: x.shape, data: y, parents: [x]) { g in
            [Kernels.zipMap3(g, xd, y, backward)]
        }
    }

    /// `max(x, 0)`; gradient 1 where `x > 0`, else 0.
    public func relu() -> Tensor {
        if let blockedResult = reluBlocked() { return blockedResult }
        let y = Kernels.map(data) { $0 > 0 ? $0 : 0 }
        return Tensor.makeResult(shape: shape, data: y, parents: [self]) { g in
            [Kernels.zipMap(g, y) { $1 > 0 ? $0 : 0 }]
        }
    }

    /// `e^x`.
    public func exp() -> Tensor {
        Tensor.unary(self, forward: { Foundation.exp($0) }, backward: { g, _, y in g * y })
    }

    /// Natural logarithm.
    public func log() -> Tensor {
        Tensor.unary(self, forward: { Foundation.log($0) }, backward: { g, x, _ in g / x })
    }

    /// Square root.
    public func sqrt() -> Tensor {
        Tensor.unary(self, forward: { $0.squareRoot() }, backward: { g, _, y in g / (2 * y) })
    }

    /// Logistic sigmoid `1 / (1 + e^-x)`, a primitive evaluated without overflow (`e^x / (1 + e^x)`
    /// for negative `x`); gradient `y (1 - y)`, finite for every `x`. (Composed from `exp` and a
    /// division, the gradient was `-0 * inf = NaN` below `x = -88`.)
    public func sigmoid() -> Tensor {
        Tensor.unary(self, forward: { Tensor.stableSigmoid($0) }, backward: { g, _, y in g * (y * (1 - y)) })
    }

    /// Hyperbolic tangent, a primitive (the C library's `tanhf`); gradient `1 - y^2`.
    public func tanh() -> Tensor {
        Tensor.unary(self, forward: { Foundation.tanh($0) }, backward: { g, _, y in g * (1 - y * y) })
    }

    /// `x * x`.
    public func square() -> Tensor { self * self }

    /// `log(sigmoid(x))`, computed stably as `min(x, 0) - log1p(e^-|x|)` (a primitive: no overflow
    /// for large `|x|`); gradient `sigmoid(-x) = 1 - sigmoid(x)`.
    public func logSigmoid() -> Tensor {
        Tensor.unary(self, forward: { x in Swift.min(x, 0) - Foundation.log1p(Foundation.exp(-Swift.abs(x))) },
                     backward: { g, x, _ in g * Tensor.stableSigmoid(-x) })
    }

    /// `1 / (1 + e^-x)` for one value without overflow: `e^x / (1 + e^x)` for negative `x`.
    @inline(__always)
    static func stableSigmoid(_ x: Float) -> Float {
        if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
        let e = Foundation.exp(x)
        return e / (1 + e)
    }
}
