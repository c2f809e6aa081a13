import NASSpaces

/// NAS-Bench-101 cells as op-on-node DAGs for the GCN predictor, after NASLib's
/// `encode_gcn_nasbench101` (Wen et al., "Neural Predictor for Neural Architecture Search",
/// ECCV 2020): the model (``NB101Cell/canonicalForm()``) padded to 7 vertices
/// (``NB101Cell/paddedToSevenVertices()``: the output moves to vertex 6, padding vertices sit in
/// between with no edges), its 7 x 7 adjacency, and one op class per vertex:
/// 0 = input, `1 + label` for the ops (conv3x3 = 1, conv1x1 = 2, maxpool3x3 = 3), 4 = output,
/// 5 = padding.
///
/// NASLib pads after the output and gives padding vertices an all-zero one-hot (with a mask);
/// here every vertex has exactly one class, so padding is a class of its own.
extension NB101Space {
    /// Op classes of the graph form: input, the three ops, output, padding.
    public static let graphOpClassCount = 6

    /// 7 nodes, 6 op classes.
    public var graphShape: (nodeCount: Int, opClassCount: Int) { (NB101Cell.maxVertices, Self.graphOpClassCount) }

    /// The cell's model as an op-on-node DAG (7 nodes, 6 op classes).
    public func graph(of cell: NB101Cell) -> CellGraph {
        let model = cell.canonicalForm() ?? cell
        let padded = model.paddedToSevenVertices()
        let n = NB101Cell.maxVertices
        var adjacency = [UInt8](repeating: 0, count: n * n)
        for source in 0..<n {
            for target in (source + 1)..<n where padded.hasEdge(source, target) {
                adjacency[source * n + target] = 1
            }
        }
        let lastReal = model.vertexCount - 2
        let ops = (0..<n).map { vertex -> Int in
            if vertex == 0 { return 0 }
            if vertex == n - 1 { return 4 }
            return vertex <= lastReal ? 1 + padded.op(at: vertex).label : 5
        }
        return CellGraph(nodeCount: n, adjacency: adjacency, nodeOps: ops, opClassCount: Self.graphOpClassCount)
    }
}
