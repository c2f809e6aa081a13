extension NB101Space {
    /// A valid spec mutated from `cell` as the official `example_search.mutate_spec` does: each
    /// edge slot toggled with probability `rate / vertexCount`, each op resampled among the other
    /// two with probability `rate / (vertexCount - 2)`; repeated until the result is valid.
    ///
    /// Mutating the raw spec (not its pruned graph) keeps inactive vertices, as the official
    /// code does; the result may equal `cell`'s model.
    /// - Precondition: `rate > 0`.
    public func mutate(
        _ cell: NB101Cell, rate: Double = 1.0, using generator: inout some RandomNumberGenerator
    ) -> NB101Cell {
        precondition(rate > 0, "mutation rate must be positive")
        let vertices = cell.vertexCount
        let edgeProbability = rate / Double(vertices)
        let opProbability = rate / Double(max(1, vertices - 2))
        while true {
            var next = cell
            for source in 0..<(vertices - 1) {
                for target in (source + 1)..<vertices where Self.unitDouble(&generator) < edgeProbability {
                    next = next.togglingEdge(source, target)
                }
            }
            for vertex in 1..<max(1, vertices - 1) where Self.unitDouble(&generator) < opProbability {
                let others = NB101Op.allCases.filter { $0 != next.op(at: vertex) }
                next = next.replacing(vertex: vertex, with: others[Int(generator.nextUniform(below: UInt64(others.count)))])
            }
            if next.isValid { return next }
        }
    }

    /// A uniform double in [0, 1) from the top 53 bits of one draw.
    static func unitDouble(_ generator: inout some RandomNumberGenerator) -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }
}
