/// A parameter-free module wrapping a tensor function (ReLU, pooling,
/// flatten, ...), e.g. `Lambda { $0.relu() }`.
public final class Lambda: Module {
    private let body: (Tensor) -> Tensor

    public init(_ body: @escaping (Tensor) -> Tensor) { self.body = body }

    public func callAsFunction(_ x: Tensor) -> Tensor { body(x) }
    public func namedParameters() -> [(String, Tensor)] { [] }
    public func setTraining(_ training: Bool) {}
}
