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
        /// BN, ReLU, pooling, NB201's skip and zero ops: channels pass through.
        case same(name: String, input: NodeID, op: ChannelwiseOp)
        case add([NodeID])
        case concat([NodeID])
        /// The classifier (global pooling then a linear layer); excluded from the groups.
        case linear(name: String, input: NodeID, classes: Int)
    }

    /// An operation that keeps its input's channels.
    public enum ChannelwiseOp: Sendable, Equatable {
        /// Batch norm: a weight and a bias per channel (and running statistics).
        case batchNorm
        case relu
        /// NB201's skip connection.
        case identity
        /// NB201's `none` edge: zeros of the input's shape.
        case zero
        /// Average pooling; `includePadding` false divides by the in-image positions only
        /// (`count_include_pad=False`, NB201's `avg_pool_3x3`).
        case avgPool(kernel: Int, stride: Int, padding: Int, includePadding: Bool)

        /// The spatial stride (1 except for pooling).
        public var stride: Int {
            if case .avgPool(_, let stride, _, _) = self { return stride }
            return 1
        }
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
