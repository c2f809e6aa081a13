extension NB101Cell {
    /// For `n` intermediate vertices, every permutation of 0..<n (`n!` of them, at most 120).
    static let permutations: [[[Int]]] = (0...5).map { n in
        var result: [[Int]] = []
        func extend(_ prefix: [Int], _ rest: [Int]) {
            if rest.isEmpty {
                result.append(prefix)
                return
            }
            for (offset, next) in rest.enumerated() {
                var remaining = rest
                remaining.remove(at: offset)
                extend(prefix + [next], remaining)
            }
        }
        extend([], Array(0..<n))
        return result
    }

    /// The op labels as one base-3 number, vertex 1 most significant (orders labelings
    /// lexicographically by vertex).
    var labelCode: Int {
        var code = 0
        for vertex in 1..<(vertexCount - 1) {
            code = code * NB101Op.count + op(at: vertex).label
        }
        return code
    }

    /// One representative of the cell's isomorphism class: the pruned graph, its intermediate
    /// vertices renumbered by the topological order that gives the smallest ``edgeBits`` and then
    /// the smallest op labels (vertex 1 first). `nil` when the spec is disconnected.
    ///
    /// Two valid specs get the same canonical form exactly when the official code treats them as
    /// one model (same pruned graph up to relabelling, so same ``moduleHash``).
    public func canonicalForm() -> NB101Cell? {
        guard let graph = pruned() else { return nil }
        let inner = graph.vertexCount - 2
        guard inner > 1 else { return graph }
        let last = graph.vertexCount - 1
        let edges = (0..<last).flatMap { s in ((s + 1)...last).filter { graph.hasEdge(s, $0) }.map { (s, $0) } }
        let ops = graph.ops
        var best: (bits: UInt32, code: Int, position: [Int])? = nil
        var position = [Int](repeating: 0, count: graph.vertexCount)
        position[last] = last
        permutations: for permutation in Self.permutations[inner] {
            for (offset, vertex) in permutation.enumerated() {
                position[vertex + 1] = offset + 1
            }
            var bits: UInt32 = 0
            for (source, target) in edges {
                guard position[source] < position[target] else { continue permutations }
                bits |= 1 << UInt32(Self.edgeBit(position[source], position[target]))
            }
            if let current = best, bits > current.bits { continue }
            var code = 0
            for vertex in permutation {
                code = code * NB101Op.count + ops[vertex].label
            }
            if let current = best, bits == current.bits, code >= current.code { continue }
            best = (bits, code, position)
        }
        guard let best else { return graph }
        var placed = [NB101Op](repeating: .conv3x3, count: inner)
        for vertex in 1...inner {
            placed[best.position[vertex] - 1] = ops[vertex - 1]
        }
        return NB101Cell(vertexCount: graph.vertexCount, edgeBits: best.bits, opBits: Self.packedOps(placed))
    }

    /// Packs op labels two bits each, the first op at the lowest bits.
    static func packedOps(_ ops: [NB101Op]) -> UInt16 {
        var packed: UInt16 = 0
        for (offset, op) in ops.enumerated() {
            packed |= UInt16(op.label) << UInt16(2 * offset)
        }
        return packed
    }
}
