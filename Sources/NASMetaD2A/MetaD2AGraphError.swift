/// Why a ``MetaD2AGraph`` is not an NB201 cell (utils.py `is_valid_NAS201`).
public enum MetaD2AGraphError: Error, Equatable, CustomStringConvertible {
    /// The graph does not have the 8 vertices of an NB201 cell.
    case vertexCount(Int)
    /// Vertex 0 is not `start`, the last vertex not `end`, or an operation vertex is `start`/`end`.
    case vertexType(vertex: Int, type: MetaD2AVertexType)
    /// A vertex other than `start` has no input.
    case noInput(vertex: Int)
    /// A vertex other than `end` has no output.
    case noOutput(vertex: Int)

    public var description: String {
        switch self {
        case .vertexCount(let n):
            "invalid graph: \(n) vertices, an NB201 cell has 8 (start, 6 operations, end)"
        case .vertexType(let v, let t):
            "invalid graph: vertex \(v) has type \(t) (expected \(v == 0 ? "start" : v == 7 ? "end" : "one of none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3"))"
        case .noInput(let v): "invalid graph: vertex \(v) has no input"
        case .noOutput(let v): "invalid graph: vertex \(v) has no output"
        }
    }
}
