/// A cell as a directed acyclic graph with one operation class per node: the input form of
/// graph predictors (GCNs).
///
/// Nodes are numbered in a topological order, the input first and the output last;
/// `adjacency[i * nodeCount + j] == 1` when node `i` feeds node `j` (so the matrix is strictly
/// upper triangular).
public struct CellGraph: Hashable, Sendable, Codable {
    /// Number of nodes.
    public let nodeCount: Int
    /// Row-major `nodeCount x nodeCount` 0/1 matrix; entry `(i, j)` is 1 when `i` feeds `j`.
    public let adjacency: [UInt8]
    /// The operation class of each node, in `0..<opClassCount`.
    public let nodeOps: [Int]
    /// Number of operation classes (including the input and output markers).
    public let opClassCount: Int

    /// A graph; the shapes must agree.
    ///
    /// - Precondition: `adjacency.count == nodeCount * nodeCount`, `nodeOps.count == nodeCount`,
    ///   and every op class is in `0..<opClassCount`.
    public init(nodeCount: Int, adjacency: [UInt8], nodeOps: [Int], opClassCount: Int) {
        precondition(adjacency.count == nodeCount * nodeCount, "adjacency must be nodeCount x nodeCount")
        precondition(nodeOps.count == nodeCount, "one op class per node")
        precondition(nodeOps.allSatisfy { (0..<opClassCount).contains($0) }, "op class out of range")
        self.nodeCount = nodeCount
        self.adjacency = adjacency
        self.nodeOps = nodeOps
        self.opClassCount = opClassCount
    }

    /// Whether node `source` feeds node `target`.
    public func hasEdge(from source: Int, to target: Int) -> Bool {
        adjacency[source * nodeCount + target] != 0
    }

    /// The node-op one-hot matrix, row-major `nodeCount x opClassCount`.
    public var opOneHot: [Double] {
        var values = [Double](repeating: 0, count: nodeCount * opClassCount)
        for (node, op) in nodeOps.enumerated() {
            values[node * opClassCount + op] = 1
        }
        return values
    }

    /// The feature vector of ``Encoding/graph``: the adjacency matrix (row-major,
    /// `nodeCount^2` values) followed by the node-op one-hot (row-major,
    /// `nodeCount * opClassCount` values). ``init(flattened:nodeCount:opClassCount:)`` inverts it.
    public var flattened: [Double] {
        adjacency.map(Double.init) + opOneHot
    }

    /// Rebuilds a graph from its ``flattened`` form, e.g. a row of a ``FeatureMatrix``.
    ///
    /// - Throws: ``PredictorError/featureWidthMismatch(expected:found:row:)`` when the width is
    ///   not `nodeCount^2 + nodeCount * opClassCount`, or
    ///   ``PredictorError/invalidHyperparameter(name:value:expected:)`` when a node's one-hot
    ///   block does not contain exactly one 1.
    public init(flattened: ArraySlice<Double>, nodeCount: Int, opClassCount: Int) throws {
        let width = nodeCount * nodeCount + nodeCount * opClassCount
        guard flattened.count == width else {
            throw PredictorError.featureWidthMismatch(expected: width, found: flattened.count, row: nil)
        }
        let start = flattened.startIndex
        let adjacency = (0..<(nodeCount * nodeCount)).map { UInt8(flattened[start + $0] != 0 ? 1 : 0) }
        var ops: [Int] = []
        for node in 0..<nodeCount {
            let base = start + nodeCount * nodeCount + node * opClassCount
            let hot = (0..<opClassCount).filter { flattened[base + $0] != 0 }
            guard hot.count == 1 else {
                throw PredictorError.invalidHyperparameter(
                    name: "graph one-hot of node \(node)", value: "\(hot.count) ones", expected: "exactly one")
            }
            ops.append(hot[0])
        }
        self.init(nodeCount: nodeCount, adjacency: adjacency, nodeOps: ops, opClassCount: opClassCount)
    }
}
