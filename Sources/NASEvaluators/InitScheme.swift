import NASTensor

/// How the random body of a network is initialised before random-weight evaluation.
public enum InitScheme: String, CaseIterable, Codable, Sendable {
    /// PyTorch's default for `Conv2d`/`Linear`: Kaiming uniform with `a = sqrt(5)`.
    case pytorch
    /// Kaiming (He) normal, fan-in, ReLU gain.
    case kaimingNormal = "kaiming-normal"
    /// Xavier (Glorot) uniform.
    case xavierUniform = "xavier-uniform"

    /// Redraws `conv`'s weight from `rng` (PyTorch's default is what `Conv2d` already drew).
    func initialise(_ conv: Conv2d, using rng: inout some RandomNumberGenerator) {
        let shape = conv.weight.shape
        switch self {
        case .pytorch: return
        case .kaimingNormal: conv.weight.assign(Tensor.kaimingNormal(shape, using: &rng).data)
        case .xavierUniform: conv.weight.assign(Tensor.xavierUniform(shape, using: &rng).data)
        }
    }

    /// Parses a scheme name, with a message listing the valid ones.
    public init(parsing text: String) throws {
        guard let scheme = InitScheme(rawValue: text) else {
            throw EvaluatorError.badInput(
                "unknown init scheme '\(text)' (expected one of: \(InitScheme.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self = scheme
    }
}
