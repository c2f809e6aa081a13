extension NB101Space {
    /// Every model of the space once: the 423,624 canonical forms (``NB101Cell/canonicalForm()``
    /// is the identity on each), ordered by vertex count, then edge bits, then op labels.
    ///
    /// Works on graphs directly rather than hashing every labelled spec: for each vertex count,
    /// each matrix with at most 9 edges in which every vertex is on an input-output path is kept
    /// if no topological renumbering of its intermediate vertices gives smaller edge bits; its
    /// renumberings that give the same bits are its automorphisms, and a labelling is kept if no
    /// automorphism makes it smaller. That is one labelled graph per isomorphism class.
    public func allModels() -> [NB101Cell] {
        var result: [NB101Cell] = []
        result.reserveCapacity(NB101Cell.uniqueCount)
        for vertices in 2...NB101Cell.maxVertices {
            appendModels(vertices: vertices, to: &result)
        }
        return result
    }

    /// Appends the canonical models with `vertices` vertices.
    private func appendModels(vertices: Int, to result: inout [NB101Cell]) {
        let inner = vertices - 2
        let slots = NB101Cell.edgeBit(0, vertices)
        var sourceOfBit = [Int](repeating: 0, count: slots)
        var targetOfBit = [Int](repeating: 0, count: slots)
        var outMask = [UInt32](repeating: 0, count: vertices)
        var inMask = [UInt32](repeating: 0, count: vertices)
        for target in 1..<vertices {
            for source in 0..<target {
                let bit = NB101Cell.edgeBit(source, target)
                sourceOfBit[bit] = source
                targetOfBit[bit] = target
                outMask[source] |= 1 << UInt32(bit)
                inMask[target] |= 1 << UInt32(bit)
            }
        }
        // positions[p * vertices + v]: where permutation p (not the identity) puts vertex v.
        let permutations = Array(NB101Cell.permutations[inner].dropFirst())
        var positions = [Int](repeating: 0, count: permutations.count * vertices)
        for (p, permutation) in permutations.enumerated() {
            positions[p * vertices + vertices - 1] = vertices - 1
            for (offset, vertex) in permutation.enumerated() {
                positions[p * vertices + vertex + 1] = offset + 1
            }
        }
        var labelCount = 1
        for _ in 0..<inner { labelCount *= NB101Op.count }
        var automorphisms: [Int] = []
        var digits = [Int](repeating: 0, count: inner)
        matrices: for bits in UInt32(0)..<(UInt32(1) << UInt32(slots)) {
            guard bits.nonzeroBitCount <= NB101Cell.maxEdges else { continue }
            for vertex in 0..<(vertices - 1) where bits & outMask[vertex] == 0 { continue matrices }
            for vertex in 1..<vertices where bits & inMask[vertex] == 0 { continue matrices }
            automorphisms.removeAll(keepingCapacity: true)
            renumberings: for p in 0..<permutations.count {
                var permuted: UInt32 = 0
                var rest = bits
                while rest != 0 {
                    let bit = rest.trailingZeroBitCount
                    rest &= rest - 1
                    let source = positions[p * vertices + sourceOfBit[bit]]
                    let target = positions[p * vertices + targetOfBit[bit]]
                    guard source < target else { continue renumberings }
                    permuted |= 1 << UInt32(NB101Cell.edgeBit(source, target))
                }
                if permuted < bits { continue matrices }
                if permuted == bits { automorphisms.append(p) }
            }
            labellings: for code in 0..<labelCount {
                var rest = code
                for offset in stride(from: inner - 1, through: 0, by: -1) {
                    digits[offset] = rest % NB101Op.count
                    rest /= NB101Op.count
                }
                for p in automorphisms {
                    var image = 0
                    for vertex in permutations[p] {
                        image = image * NB101Op.count + digits[vertex]
                    }
                    if image < code { continue labellings }
                }
                var opBits: UInt16 = 0
                for (offset, digit) in digits.enumerated() {
                    opBits |= UInt16(digit) << UInt16(2 * offset)
                }
                result.append(NB101Cell(vertexCount: vertices, edgeBits: bits, opBits: opBits))
            }
        }
    }
}
