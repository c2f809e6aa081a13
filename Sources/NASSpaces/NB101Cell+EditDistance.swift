extension NB101Cell {
    /// The edit distance between two models: both cells are replaced by their
    /// ``canonicalForm()`` padded to 7 vertices (``paddedToSevenVertices()``; padding vertices
    /// carry no op), and the distance is the fewest edge toggles plus op changes (an op vertex
    /// against a padding vertex counts one) that turn one into the other, minimised over the 120
    /// renumberings of the five intermediate vertices. 0 exactly when the models are equal;
    /// symmetric. Invalid cells are taken as given.
    public func editDistance(to other: NB101Cell) -> Int {
        editDistances(to: [other])[0]
    }

    /// ``editDistance(to:)`` to each cell of `others`.
    public func editDistances(to others: [NB101Cell]) -> [Int] {
        NB101EditDistanceIndex(others).distances(from: self)
    }
}

/// Cells prepared for many ``NB101Cell/editDistance(to:)`` queries (their canonical forms are
/// computed once).
public struct NB101EditDistanceIndex: Sendable {
    private let forms: [DistanceForm]

    /// The index of `cells`, in order.
    public init(_ cells: [NB101Cell]) {
        let identity = Array(0..<(NB101Cell.maxVertices - 2))
        forms = cells.map { DistanceForm($0.canonicalForm() ?? $0, renumbered: identity) }
    }

    /// The edit distance from `cell` to each indexed cell, in order.
    public func distances(from cell: NB101Cell) -> [Int] {
        let model = cell.canonicalForm() ?? cell
        let images = NB101Cell.permutations[NB101Cell.maxVertices - 2].map { DistanceForm(model, renumbered: $0) }
        return forms.map { form in
            var best = Int.max
            for image in images {
                let ops = image.ops ^ form.ops
                let opChanges = ((ops | ops >> 1) & 0x5555).nonzeroBitCount
                best = min(best, (image.edges ^ form.edges).nonzeroBitCount + opChanges)
            }
            return best
        }
    }
}

/// A model padded to 7 vertices as bit sets: directed edge `s -> t` at bit `7 s + t`, and the
/// op code of vertex `v` (1...5; conv3x3 = 0, conv1x1 = 1, maxpool3x3 = 2, padding = 3) at bits
/// `2 (v - 1)`.
private struct DistanceForm: Sendable {
    let edges: UInt64
    let ops: UInt16

    /// The form of `model` (pruned) with intermediate vertex `v` renumbered `1 + permutation[v - 1]`.
    init(_ model: NB101Cell, renumbered permutation: [Int]) {
        let padded = model.paddedToSevenVertices()
        let last = NB101Cell.maxVertices - 1
        func position(_ vertex: Int) -> Int {
            vertex == 0 || vertex == last ? vertex : 1 + permutation[vertex - 1]
        }
        var edges: UInt64 = 0
        for source in 0..<last {
            for target in (source + 1)...last where padded.hasEdge(source, target) {
                edges |= 1 << UInt64(position(source) * NB101Cell.maxVertices + position(target))
            }
        }
        var ops: UInt16 = 0
        for vertex in 1..<last {
            let code = vertex < model.vertexCount - 1 ? padded.op(at: vertex).label : NB101Op.count
            ops |= UInt16(code) << UInt16(2 * (position(vertex) - 1))
        }
        self.edges = edges
        self.ops = ops
    }
}
