import NASSpaces

extension MetaD2AGraph {
    /// The edges of every NB201 cell's graph, as `predecessors` (8 vertices).
    ///
    /// Vertices: 0 = start (the cell input), 1...6 = the operations of NB201's edges in official
    /// order (1<-0), (2<-0), (2<-1), (3<-0), (3<-1), (3<-2) (utils.py
    /// `decode_igraph_to_NAS201_matrix` reads vertex `i + 1` as edge `i`), 7 = end (the cell output).
    /// Two kinds of edges, as `decode_NAS_BENCH_201_8_to_igraph` (utils.py) builds them:
    /// - data flow: the vertex of NB201 edge (t<-s) reads the vertices of the edges into node s
    ///   (start for s = 0); end reads the edges into node 3:
    ///   0->1, 0->2, 1->3, 0->4, 1->5, 2->6, 3->6, 4->7, 5->7, 6->7;
    /// - the chain `i -> i+1` for `0 < i < 6` that the function always adds ("always connect from
    ///   last node"): 1->2, 2->3, 3->4, 4->5, 5->6.
    /// The data-flow rows come from the authors' `nasbench201.pt`, which is not public code; they
    /// are restated here from NB201's cell definition (see docs/ARCHITECTURE.md).
    public static let nb201Predecessors: [[Int]] = [[], [0], [0, 1], [1, 2], [0, 3], [1, 4], [2, 3, 5], [4, 5, 6]]

    /// The number of vertices of an NB201 cell's graph (`max_n = 8`).
    public static let nb201VertexCount = 8

    /// The 8-vertex graph of an NB201 cell: start, the six operations in edge order, end, with
    /// the fixed edges ``nb201Predecessors``.
    public init(cell: NB201Cell) {
        self.init(types: [.start] + cell.ops.map(MetaD2AVertexType.init) + [.end], predecessors: Self.nb201Predecessors)
    }

    /// The NB201 cell this graph encodes, checked as utils.py `is_valid_NAS201` does (8 vertices,
    /// start first and end last and nowhere else, every vertex but start with an input and every
    /// vertex but end with an output); as there, the operations are read from the types of
    /// vertices 1...6 and the edges are not compared with ``nb201Predecessors``.
    ///
    /// - Throws: ``MetaD2AGraphError`` for a graph that is not a cell.
    public func nb201Cell() throws -> NB201Cell {
        guard vertexCount == Self.nb201VertexCount else { throw MetaD2AGraphError.vertexCount(vertexCount) }
        var ops: [NB201Op] = []
        for (v, t) in types.enumerated() {
            let expected = v == 0 ? t == .start : v == vertexCount - 1 ? t == .end : t.op != nil
            guard expected else { throw MetaD2AGraphError.vertexType(vertex: v, type: t) }
            if let op = t.op { ops.append(op) }
        }
        let outputs = successors
        for v in 0..<vertexCount {
            if v > 0, predecessors[v].isEmpty { throw MetaD2AGraphError.noInput(vertex: v) }
            if v < vertexCount - 1, outputs[v].isEmpty { throw MetaD2AGraphError.noOutput(vertex: v) }
        }
        return NB201Cell(ops: ops)
    }
}
