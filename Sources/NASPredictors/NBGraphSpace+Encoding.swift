import NASSpaces

/// NAS-Bench-Graph encodings of a cell's architecture: every cell is first replaced by its
/// ``NBGraphCell/canonicalForm()`` (the package's representative), so all cells of one
/// architecture share their features. Ops by the package's `gnn_list` index (gat = 0, ..., skip = 8).
///
/// | encoding | features | layout |
/// |---|---|---|
/// | ``Encoding/adjacencyOneHot`` | 46 | a one-hot of each computing node's input (node 1: 1 choice, node 2: 2, node 3: 3, node 4: 4; offsets 0, 1, 3, 6), then a 9-op one-hot per node (feature `10 + 9 * node + op`) |
/// | ``Encoding/path`` | - | not defined (see below) |
/// | ``Encoding/graph`` | 102 | 6 x 6 adjacency + 6 x 11 one-hot, see ``NBGraphSpace/graph(of:)`` |
///
/// The path encoding is left out: a cell is a tree with up to four input-to-output paths of 1-4
/// ops over 9 ops, so BANANAS' indicators would number 9 + 81 + 729 + 6,561 = 7,380, almost all
/// zero (1.5 GB as a dense matrix of the 26,206 architectures). Asking for it is an
/// ``PredictorError/unsupportedEncoding(_:space:supported:)`` error.
extension NBGraphSpace: EncodableSpace {
    /// Width of the link one-hot block: 1 + 2 + 3 + 4.
    public static let linkOneHotWidth = 10
    /// Width of the adjacency one-hot encoding: link one-hots + 4 nodes x 9 ops.
    public static let adjacencyOneHotWidth = linkOneHotWidth + NBGraphCell.nodeCount * NBGraphOp.count

    /// Adjacency one-hot and graph.
    public var supportedEncodings: [Encoding] { [.adjacencyOneHot, .graph] }

    public func featureCount(_ encoding: Encoding) -> Int {
        switch encoding {
        case .adjacencyOneHot: Self.adjacencyOneHotWidth
        case .path: 0
        case .graph: Self.graphNodeCount * (Self.graphNodeCount + Self.graphOpClassCount)
        }
    }

    public func encode(_ cell: NBGraphCell, as encoding: Encoding) -> [Double] {
        let architecture = cell.canonicalForm() ?? cell
        switch encoding {
        case .adjacencyOneHot:
            var features = [Double](repeating: 0, count: Self.adjacencyOneHotWidth)
            for (node, link) in architecture.links.enumerated() {
                features[node * (node + 1) / 2 + link] = 1
                features[Self.linkOneHotWidth + node * NBGraphOp.count + architecture.ops[node].index] = 1
            }
            return features
        case .path:
            return []
        case .graph:
            return graph(of: architecture).flattened
        }
    }
}
