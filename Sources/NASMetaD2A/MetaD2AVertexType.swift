import NASSpaces

/// The type of a vertex in MetaD2A's graph of an NB201 cell (`nvt = 7`, parser.py): the two
/// fixed ends and one type per NB201 operation. Raw values are the authors' type indices:
/// `START_TYPE = 0`, `END_TYPE = 1` (utils.py `load_graph_config`) and `op index + 2` for the
/// operations (utils.py `decode_igraph_to_NAS201_matrix` subtracts 2).
public enum MetaD2AVertexType: Int, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// The cell's input (vertex 0).
    case start = 0
    /// The cell's output (the last vertex).
    case end = 1
    /// `none`.
    case none = 2
    /// `skip_connect`.
    case skipConnect = 3
    /// `nor_conv_1x1`.
    case conv1x1 = 4
    /// `nor_conv_3x3`.
    case conv3x3 = 5
    /// `avg_pool_3x3`.
    case avgPool3x3 = 6

    /// The number of vertex types (7).
    public static let count = 7

    /// The vertex type of an NB201 operation.
    public init(_ op: NB201Op) {
        self = Self.allCases[op.index + 2]
    }

    /// The NB201 operation of an operation vertex, `nil` for `start` and `end`.
    public var op: NB201Op? { rawValue >= 2 ? NB201Op(index: rawValue - 2) : nil }

    /// `start`, `end`, or the NB201 operation's name.
    public var description: String {
        switch self {
        case .start: "start"
        case .end: "end"
        default: op.map(\.rawValue) ?? "?"
        }
    }
}
