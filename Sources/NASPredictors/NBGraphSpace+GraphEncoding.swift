import NASSpaces

/// NAS-Bench-Graph cells as op-on-node DAGs for the GCN predictor (NASLib has no NAS-Bench-Graph
/// form; this one follows its NB101/NB201 conventions): the architecture
/// (``NBGraphCell/canonicalForm()``) on 6 nodes, node 0 the input, node `i + 1` computing node
/// `i + 1`, node 5 the output; node `i + 1` is fed by node `links[i]`, and every computing node
/// that feeds no other feeds the output (the package's rule). Op classes: 0 = input,
/// `1 + op index` for the nine ops (gat = 1, ..., skip = 9), 10 = output.
extension NBGraphSpace {
    /// Nodes of the graph form: input, four computing nodes, output.
    public static let graphNodeCount = NBGraphCell.nodeCount + 2
    /// Op classes of the graph form: input, the nine ops, output.
    public static let graphOpClassCount = NBGraphOp.count + 2

    /// 6 nodes, 11 op classes.
    public var graphShape: (nodeCount: Int, opClassCount: Int) { (Self.graphNodeCount, Self.graphOpClassCount) }

    /// The cell's architecture as an op-on-node DAG (6 nodes, 11 op classes).
    public func graph(of cell: NBGraphCell) -> CellGraph {
        let architecture = cell.canonicalForm() ?? cell
        let n = Self.graphNodeCount
        var adjacency = [UInt8](repeating: 0, count: n * n)
        for (node, link) in architecture.links.enumerated() {
            adjacency[link * n + node + 1] = 1
        }
        for node in 1...NBGraphCell.nodeCount where !architecture.links.contains(node) {
            adjacency[node * n + n - 1] = 1
        }
        let ops = [0] + architecture.ops.map { 1 + $0.index } + [Self.graphOpClassCount - 1]
        return CellGraph(nodeCount: n, adjacency: adjacency, nodeOps: ops, opClassCount: Self.graphOpClassCount)
    }
}
