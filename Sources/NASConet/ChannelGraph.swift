/// A CNN as a declarative graph of the operations that fix channel counts: convolutions, their
/// elementwise followers (BN, ReLU, pooling: same channels as their input), residual adds and
/// channel concatenations, ending in a classifier. Widths are not stored per layer: each
/// convolution's output width is a variable, and ``dependencyGroups()`` finds which variables must
/// be equal (union-find), generically, in place of per-architecture group lists.
public struct ChannelGraph: Sendable {
    public typealias NodeID = Int

    public enum Node: Sendable, Equatable {
        /// The image: `channels` fixed (3 for CIFAR), not searchable.
        case input(channels: Int)
        case conv(name: String, input: NodeID, kernel: Int, stride: Int, bias: Bool)
        /// BN, ReLU, pooling, NB201's skip and zero ops: channels pass through (`stride` for pooling).
        case same(name: String, input: NodeID, parameters: ParameterKind, stride: Int)
        case add([NodeID])
        case concat([NodeID])
        /// The classifier (global pooling then a linear layer); excluded from the groups.
        case linear(name: String, input: NodeID, classes: Int)
    }

    public enum ParameterKind: Sendable, Equatable {
        case none
        /// Batch norm: a weight and a bias per channel.
        case batchNorm
    }

    public private(set) var nodes: [Node] = []

    public init() {}

    @discardableResult
    public mutating func add(_ node: Node) -> NodeID {
        nodes.append(node)
        return nodes.count - 1
    }

    /// The convolutions in graph order, with their node ids.
    public var convolutions: [(id: NodeID, name: String)] {
        nodes.enumerated().compactMap { id, node in
            if case .conv(let name, _, _, _, _) = node { return (id, name) }
            return nil
        }
    }
}
