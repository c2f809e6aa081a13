/// Applies modules in order; children are named `"0"`, `"1"`, ...
public final class Sequential: Module {
    /// The child modules.
    public let layers: [any Module]

    public init(_ layers: [any Module]) { self.layers = layers }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        layers.reduce(x) { $1($0) }
    }

    public func namedParameters() -> [(String, Tensor)] {
        layers.enumerated().flatMap { prefixed(String($0.offset), $0.element.namedParameters()) }
    }

    public func namedBuffers() -> [(String, Tensor)] {
        layers.enumerated().flatMap { prefixed(String($0.offset), $0.element.namedBuffers()) }
    }

    public func setTraining(_ training: Bool) { for l in layers { l.setTraining(training) } }
}
