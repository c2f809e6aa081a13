import NASSpaces

/// NAS-Bench-201 cells as op-on-node DAGs, the conversion used by NASLib's
/// `encode_gcn_nasbench201` for the GCN predictor of Wen et al. ("Neural Predictor for
/// Neural Architecture Search", ECCV 2020).
///
/// NB201 puts ops on edges; the graph puts each edge on a node of its own:
/// - 8 nodes: node 0 is the cell input, node `1 + e` is edge `e` (official order:
///   1=(1<-0), 2=(2<-0), 3=(2<-1), 4=(3<-0), 5=(3<-1), 6=(3<-2)), node 7 is the output;
/// - node `1 + e` with `e = (t<-s)` is fed by the input when `s = 0`, and by every edge node
///   `(s<-r)` otherwise; edge nodes with `t = 3` feed the output. This gives 10 arcs:
///   0->1, 0->2, 0->4, 1->3, 1->5, 2->6, 3->6, 4->7, 5->7, 6->7 (NASLib's matrix has 10 too).
/// - 7 op classes: 0 = input, `1 + op index` for the five ops (`none` = 1, ..., `avg_pool_3x3`
///   = 5), 6 = output. `none` edges stay in the graph as `none` nodes, as in NASLib.
///
/// The matrix is NASLib's up to the node order: NASLib numbers edge nodes in its own edge
/// order ((1<-0), (2<-0), (3<-0), (2<-1), (3<-1), (3<-2)) and its one-hot uses its own op order.
extension NB201Space {
    /// Nodes of the graph form: input, six edges, output.
    public static let graphNodeCount = 8
    /// Op classes of the graph form: input, the five ops, output.
    public static let graphOpClassCount = 7

    /// The fixed adjacency of the graph form (see the extension's documentation).
    static let graphAdjacency: [UInt8] = {
        let n = graphNodeCount
        var matrix = [UInt8](repeating: 0, count: n * n)
        for (index, edge) in NB201Edge.all.enumerated() {
            let node = 1 + index
            if edge.source == 0 {
                matrix[node] = 1
            } else {
                for (feeder, other) in NB201Edge.all.enumerated() where other.target == edge.source {
                    matrix[(1 + feeder) * n + node] = 1
                }
            }
            if edge.target == NB201Edge.computedNodeCount {
                matrix[node * n + n - 1] = 1
            }
        }
        return matrix
    }()

    /// 8 nodes, 7 op classes.
    public var graphShape: (nodeCount: Int, opClassCount: Int) { (Self.graphNodeCount, Self.graphOpClassCount) }

    /// The cell as an op-on-node DAG (8 nodes, 7 op classes).
    public func graph(of cell: NB201Cell) -> CellGraph {
        let ops = [0] + cell.ops.map { 1 + $0.index } + [Self.graphOpClassCount - 1]
        return CellGraph(
            nodeCount: Self.graphNodeCount, adjacency: Self.graphAdjacency, nodeOps: ops,
            opClassCount: Self.graphOpClassCount)
    }
}
