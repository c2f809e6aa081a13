extension NB101Cell {
    /// Length of ``pathEncoding()``: one feature per op sequence of length 0...5, 3^0 + ... + 3^5.
    public static let pathEncodingLength = 364

    /// The cell as a 7-vertex spec: a cell with fewer vertices keeps its vertices in place and
    /// moves the output to vertex 6; the vertices in between have no edges (and label conv3x3).
    public func paddedToSevenVertices() -> NB101Cell {
        guard vertexCount < Self.maxVertices else { return self }
        let last = vertexCount - 1
        let ops = self.ops + [NB101Op](repeating: .conv3x3, count: Self.maxVertices - vertexCount)
        return NB101Cell(ops: ops) { source, target in
            let to = target == Self.maxVertices - 1 ? last : (target < last ? target : -1)
            return to >= 0 && source < last && self.hasEdge(source, to)
        }
    }

    /// The adjacency-plus-one-hot encoding of predictor papers (e.g. BANANAS, White et al.
    /// 2021): the 21 upper-triangular entries of the 7x7 matrix (row by row: 0->1, ..., 0->6,
    /// 1->2, ...), then a one-hot of the op of vertices 1...5 (conv3x3, conv1x1, maxpool3x3).
    /// Encodes the spec as given; pass ``canonicalForm()`` to encode the model.
    /// Smaller cells are padded (``paddedToSevenVertices()``) and their padding vertices get no op.
    public func adjacencyOneHotEncoding() -> [Float] {
        let cell = paddedToSevenVertices()
        var features: [Float] = []
        features.reserveCapacity(21 + 15)
        for source in 0..<(Self.maxVertices - 1) {
            for target in (source + 1)..<Self.maxVertices {
                features.append(cell.hasEdge(source, target) ? 1 : 0)
            }
        }
        for vertex in 1..<(Self.maxVertices - 1) {
            let real = vertex < vertexCount - 1
            for op in NB101Op.allCases {
                features.append(real && cell.op(at: vertex) == op ? 1 : 0)
            }
        }
        return features
    }

    /// The path encoding (White et al., "BANANAS", AAAI 2021): one count per sequence of ops
    /// along an input-to-output path of the pruned graph. The sequence of length `k` with op
    /// labels `l1...lk` (from the input side) has index `(3^0 + ... + 3^(k-1)) + l1 l2...lk` read
    /// in base 3; the direct input-to-output edge is index 0. Isomorphic cells share it.
    public func pathEncoding() -> [Float] {
        var features = [Float](repeating: 0, count: Self.pathEncodingLength)
        guard let graph = pruned() else { return features }
        let output = graph.vertexCount - 1
        func walk(_ vertex: Int, length: Int, code: Int) {
            for next in (vertex + 1)...output where graph.hasEdge(vertex, next) {
                if next == output {
                    var offset = 0
                    var power = 1
                    for _ in 0..<length {
                        offset += power
                        power *= NB101Op.count
                    }
                    features[offset + code] += 1
                } else {
                    walk(next, length: length + 1, code: code * NB101Op.count + graph.op(at: next).label)
                }
            }
        }
        walk(0, length: 0, code: 0)
        return features
    }
}
