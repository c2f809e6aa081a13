/// The four broadcasting binary primitives.
enum BinaryOp: Sendable {
    case add, sub, mul, div

    var name: String {
        switch self {
        case .add: return "add"
        case .sub: return "sub"
        case .mul: return "mul"
        case .div: return "div"
        }
    }

    @inline(__always)
    func apply(_ x: Float, _ y: Float) -> Float {
        switch self {
        case .add: return x + y
        case .sub: return x - y
        case .mul: return x * y
        case .div: return x / y
        }
    }

    /// d(out)/d(x) times g.
    @inline(__always)
    func gradA(_ g: Float, _ x: Float, _ y: Float) -> Float {
        switch self {
        case .add, .sub: return g
        case .mul: return g * y
        case .div: return g / y
        }
    }

    /// d(out)/d(y) times g.
    @inline(__always)
    func gradB(_ g: Float, _ x: Float, _ y: Float) -> Float {
        switch self {
        case .add: return g
        case .sub: return -g
        case .mul: return g * x
        case .div: return -g * x / (y * y)
        }
    }
}
