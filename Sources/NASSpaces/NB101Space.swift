/// The NAS-Bench-101 search space (Ying et al., ICML 2019): cells of at most 7 vertices (input,
/// up to 5 ops from conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3, output) and at most 9 edges,
/// 423,624 models up to isomorphism.
///
/// Cells are raw specs as the official code handles them (a 7x7 matrix and 5 ops when sampled);
/// the benchmark's key is the ``NB101Cell/moduleHash``, shared by pruned and isomorphic specs.
public struct NB101Space: SearchSpace {
    public typealias Cell = NB101Cell

    /// Creates the (stateless) space.
    public init() {}

    /// `"NAS-Bench-101"`.
    public var name: String { "NAS-Bench-101" }

    /// The number of models, 423,624 (isomorphism classes; raw valid specs are far more).
    public var cellCount: Int? { NB101Cell.uniqueCount }

    /// Parses nasbench's text form `ROW,...,ROW|OP,...,OP` (see ``NB101Cell/description``).
    /// The spec must be valid (connected, at most 9 edges after pruning).
    /// - Throws: ``NB101ParseError`` naming the offending token and what was expected.
    public func parse(_ text: String) throws -> NB101Cell {
        let cell = try NB101CellParser.parse(text)
        guard let pruned = cell.pruned() else {
            throw NB101ParseError.invalidSpec(text, why: "the output is not reachable from the input")
        }
        guard pruned.edgeCount <= NB101Cell.maxEdges else {
            throw NB101ParseError.invalidSpec(
                text, why: "\(pruned.edgeCount) edges after pruning, at most \(NB101Cell.maxEdges) allowed")
        }
        return cell
    }

    /// The text form (same as `cell.description`).
    public func describe(_ cell: NB101Cell) -> String {
        cell.description
    }

    /// A valid 7-vertex spec drawn as the official `example_search.random_spec` does: each of
    /// the 21 upper-triangular entries 0 or 1 with probability 1/2, each of the 5 ops uniform,
    /// redrawn until the spec is valid. Uniform over valid raw specs, not over models.
    public func sample(using generator: inout some RandomNumberGenerator) -> NB101Cell {
        let slots = NB101Cell.edgeBit(0, NB101Cell.maxVertices)
        while true {
            let bits = UInt32(generator.nextUniform(below: 1 << UInt64(slots)))
            var ops: [NB101Op] = []
            for _ in 0..<(NB101Cell.maxVertices - 2) {
                ops.append(NB101Op.allCases[Int(generator.nextUniform(below: UInt64(NB101Op.count)))])
            }
            let cell = NB101Cell(vertexCount: NB101Cell.maxVertices, edgeBits: bits, opBits: NB101Cell.packedOps(ops))
            if cell.isValid { return cell }
        }
    }

    /// The valid specs one elementary change away: each edge slot toggled (in slot order
    /// 0->1, 0->2, ..., 5->6), then each op replaced by each other op (by vertex, then label).
    public func neighbours(of cell: NB101Cell) -> [NB101Cell] {
        var result: [NB101Cell] = []
        for source in 0..<(cell.vertexCount - 1) {
            for target in (source + 1)..<cell.vertexCount {
                let next = cell.togglingEdge(source, target)
                if next.isValid { result.append(next) }
            }
        }
        for vertex in 1..<max(1, cell.vertexCount - 1) {
            for op in NB101Op.allCases where op != cell.op(at: vertex) {
                result.append(cell.replacing(vertex: vertex, with: op))
            }
        }
        return result
    }

    /// The official module hash, ``NB101Cell/moduleHash`` (`"invalid"` for a disconnected spec,
    /// which ``parse(_:)`` and ``sample(using:)`` never produce).
    public func isomorphismKey(_ cell: NB101Cell) -> String {
        cell.moduleHash ?? "invalid"
    }
}
