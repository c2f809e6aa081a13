/// A directed acyclic graph as MetaD2A's models read and write it (D-VAE's format): vertices in
/// topological order, each with a ``MetaD2AVertexType`` and the sorted list of its predecessors,
/// every edge going from a lower to a higher index.
///
/// NB201 cells become 8-vertex graphs (``init(cell:)``, ``nb201Cell()``); the generator's
/// decoder returns graphs that may not be NB201 cells (an early `end`, a `start` in the middle,
/// a vertex without input), which ``nb201Cell()`` reports as a ``MetaD2AGraphError``.
public struct MetaD2AGraph: Hashable, Sendable {
    /// The type of each vertex, in topological order.
    public let types: [MetaD2AVertexType]
    /// `predecessors[v]`: the vertices with an edge into `v`, ascending, each below `v`.
    public let predecessors: [[Int]]

    /// A graph from types and predecessor lists.
    ///
    /// - Precondition: one predecessor list per vertex, each ascending, without repeats, below its vertex.
    public init(types: [MetaD2AVertexType], predecessors: [[Int]]) {
        precondition(types.count == predecessors.count,
                     "MetaD2AGraph: \(types.count) types but \(predecessors.count) predecessor lists")
        for (v, list) in predecessors.enumerated() {
            precondition(zip(list, list.dropFirst()).allSatisfy { $0 < $1 } && list.allSatisfy { $0 >= 0 && $0 < v },
                         "MetaD2AGraph: predecessors of vertex \(v) must be ascending, distinct and below \(v), got \(list)")
        }
        self.types = types
        self.predecessors = predecessors
    }

    /// The number of vertices.
    public var vertexCount: Int { types.count }

    /// `successors[v]`: the vertices with an edge from `v`, ascending.
    public var successors: [[Int]] {
        var s = [[Int]](repeating: [], count: vertexCount)
        for (v, list) in predecessors.enumerated() { for p in list { s[p].append(v) } }
        return s
    }

    /// Whether `from -> to` is an edge.
    public func hasEdge(from: Int, to: Int) -> Bool { predecessors[to].contains(from) }
}
