extension NB101Cell {
    /// The graph the official `ModelSpec._prune` keeps: the vertices on some input-to-output
    /// path, in their original order; `nil` when the output is not reachable from the input.
    public func pruned() -> NB101Cell? {
        let vertices = vertexCount
        var fromInput: UInt32 = 1
        for target in 1..<vertices {
            for source in 0..<target where fromInput & (1 << UInt32(source)) != 0 && hasEdge(source, target) {
                fromInput |= 1 << UInt32(target)
                break
            }
        }
        var toOutput: UInt32 = 1 << UInt32(vertices - 1)
        for source in stride(from: vertices - 2, through: 0, by: -1) {
            for target in (source + 1)..<vertices where toOutput & (1 << UInt32(target)) != 0 && hasEdge(source, target) {
                toOutput |= 1 << UInt32(source)
                break
            }
        }
        let kept = fromInput & toOutput
        guard kept & 1 != 0 else { return nil }
        if kept.nonzeroBitCount == vertices { return self }
        let old = (0..<vertices).filter { kept & (1 << UInt32($0)) != 0 }
        return NB101Cell(ops: old.dropFirst().dropLast().map { op(at: $0) }) { hasEdge(old[$0], old[$1]) }
    }

    /// Whether the official API accepts the spec (`NASBench.is_valid`): the output is reachable
    /// from the input and the pruned graph has at most 9 edges (and at most 7 vertices).
    public var isValid: Bool {
        guard let pruned = pruned() else { return false }
        return pruned.edgeCount <= Self.maxEdges
    }

    /// Whether every vertex lies on an input-to-output path (`graph_util.is_full_dag`): the
    /// spec is its own pruned graph.
    public var isFullDAG: Bool {
        pruned() == self
    }
}
