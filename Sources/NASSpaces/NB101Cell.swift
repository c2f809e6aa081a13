/// A NAS-Bench-101 cell as the official `ModelSpec` holds it: a DAG on `vertexCount` vertices
/// (2...7) with an upper-triangular adjacency matrix, vertex 0 the input, the last vertex the
/// output, and one ``NB101Op`` on each vertex in between.
///
/// The value is the raw spec, not its equivalence class: two specs that prune to the same graph,
/// or are isomorphic, are different values with equal ``moduleHash`` (the benchmark's key). Use
/// ``canonicalForm()`` for one representative per class. Stored in 8 bytes.
public struct NB101Cell: Hashable, Sendable {
    /// Most vertices a cell may have (input, 5 operations, output).
    public static let maxVertices = 7
    /// Most edges a valid cell may have after pruning.
    public static let maxEdges = 9
    /// Number of cells (isomorphism classes of valid specs) in the space, as the official
    /// dataset has them (Ying et al., ICML 2019, Sec. 2.2).
    public static let uniqueCount = 423_624

    /// The bit of edge `source -> target` (source < target) in ``edgeBits``: the official
    /// `graph_util.gen_is_edge_fn` numbering `source + target * (target - 1) / 2`, which does not
    /// depend on the vertex count.
    @inlinable
    public static func edgeBit(_ source: Int, _ target: Int) -> Int {
        source + target * (target - 1) / 2
    }

    /// Number of vertices, 2...7.
    public let vertexCount: Int
    /// The edges, one bit each (see ``edgeBit(_:_:)``).
    public let edgeBits: UInt32
    /// Op labels of vertices 1...vertexCount-2, two bits each (vertex v at bits 2(v-1)).
    let opBits: UInt16

    /// Internal unchecked initializer.
    init(vertexCount: Int, edgeBits: UInt32, opBits: UInt16) {
        self.vertexCount = vertexCount
        self.edgeBits = edgeBits
        self.opBits = opBits
    }

    /// A cell with `ops.count + 2` vertices, the edges `source -> target` for which
    /// `hasEdge(source, target)` is true (source < target), and `ops[v - 1]` at vertex `v`.
    ///
    /// - Precondition: `ops.count <= 5`.
    public init(ops: [NB101Op], hasEdge: (Int, Int) -> Bool) {
        precondition(ops.count <= Self.maxVertices - 2, "an NB101 cell has at most 5 op vertices, got \(ops.count)")
        let vertices = ops.count + 2
        var edges: UInt32 = 0
        for target in 1..<vertices {
            for source in 0..<target where hasEdge(source, target) {
                edges |= 1 << UInt32(Self.edgeBit(source, target))
            }
        }
        var packed: UInt16 = 0
        for (offset, op) in ops.enumerated() {
            packed |= UInt16(op.label) << UInt16(2 * offset)
        }
        self.init(vertexCount: vertices, edgeBits: edges, opBits: packed)
    }

    /// Whether the edge `source -> target` exists (false unless source < target < vertexCount).
    @inlinable
    public func hasEdge(_ source: Int, _ target: Int) -> Bool {
        guard source >= 0, source < target, target < vertexCount else { return false }
        return edgeBits & (1 << UInt32(Self.edgeBit(source, target))) != 0
    }

    /// The op at intermediate vertex `vertex` (1...vertexCount-2).
    public func op(at vertex: Int) -> NB101Op {
        precondition(vertex >= 1 && vertex <= vertexCount - 2, "vertex \(vertex) has no op (input or output)")
        return NB101Op.allCases[Int((opBits >> UInt16(2 * (vertex - 1))) & 3)]
    }

    /// The ops of vertices 1...vertexCount-2.
    public var ops: [NB101Op] {
        (0..<(vertexCount - 2)).map { op(at: $0 + 1) }
    }

    /// Official labels of all vertices: -1 (input), the op labels, -2 (output).
    public var labels: [Int] {
        [-1] + ops.map(\.label) + [-2]
    }

    /// Number of edges.
    public var edgeCount: Int { edgeBits.nonzeroBitCount }

    /// The adjacency matrix, `matrix[source][target]` 0 or 1.
    public var matrix: [[Int]] {
        (0..<vertexCount).map { source in (0..<vertexCount).map { hasEdge(source, $0) ? 1 : 0 } }
    }

    /// This cell with the edge `source -> target` toggled.
    public func togglingEdge(_ source: Int, _ target: Int) -> NB101Cell {
        precondition(source >= 0 && source < target && target < vertexCount, "no edge slot \(source)->\(target)")
        return NB101Cell(
            vertexCount: vertexCount, edgeBits: edgeBits ^ (1 << UInt32(Self.edgeBit(source, target))), opBits: opBits)
    }

    /// This cell with `op` at intermediate vertex `vertex`.
    public func replacing(vertex: Int, with op: NB101Op) -> NB101Cell {
        precondition(vertex >= 1 && vertex <= vertexCount - 2, "vertex \(vertex) has no op (input or output)")
        let shift = UInt16(2 * (vertex - 1))
        return NB101Cell(
            vertexCount: vertexCount, edgeBits: edgeBits, opBits: (opBits & ~(3 << shift)) | (UInt16(op.label) << shift))
    }
}
