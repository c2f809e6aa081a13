extension NB201Cell {
    private static let inputBytes: [UInt8] = Array("0".utf8)
    private static let zeroBytes: [UInt8] = Array("#".utf8)
    private static let opNameBytes: [[UInt8]] = NB201Op.allCases.map { Array($0.rawValue.utf8) }

    /// The benchmark's own isomorphism key (NB201 `CellStructure.to_unique_str(consider_zero=True)`),
    /// reproduced exactly: 15,625 cells fall into the 6,466 classes reported by the NB201 paper.
    ///
    /// Rule: node 0 is `"0"`. For node `j` = 1...3, each incoming edge `i -> j` gives a term:
    /// `"#"` if the op is `none` or node `i`'s string is exactly `"#"`; node `i`'s string
    /// verbatim for `skip_connect`; otherwise `"(" + node_i + ")@" + op`. Node `j`'s string
    /// is its terms sorted bytewise and joined with `+`; the key is node 3's string.
    ///
    /// This is not a purely functional canonical form: only a *whole* node equal to `"#"`
    /// counts as zero, so `#` terms survive inside sums (`#+#+0`), `"(#+#)@op"` is kept,
    /// and a skip-connected sum is inserted as one term without re-sorting its pieces.
    /// See ``functionalKey(linearPooling:)`` for the functional equivalence.
    public var nb201Key: String {
        var nodes: [[UInt8]] = [Self.inputBytes]
        nodes.reserveCapacity(NB201Edge.computedNodeCount + 1)
        for target in 1...NB201Edge.computedNodeCount {
            let first = NB201Edge.firstIndex(feeding: target)
            var terms: [[UInt8]] = []
            terms.reserveCapacity(target)
            for source in 0..<target {
                let op = self[first + source]
                let input = nodes[source]
                if op == .none || input == Self.zeroBytes {
                    terms.append(Self.zeroBytes)
                } else if op == .skipConnect {
                    terms.append(input)
                } else {
                    var term: [UInt8] = [UInt8(ascii: "(")]
                    term.reserveCapacity(input.count + 16)
                    term += input
                    term += [UInt8(ascii: ")"), UInt8(ascii: "@")]
                    term += Self.opNameBytes[op.index]
                    terms.append(term)
                }
            }
            terms.sort { $0.lexicographicallyPrecedes($1) }
            nodes.append(Array(terms.joined(separator: [UInt8(ascii: "+")])))
        }
        return String(decoding: nodes[NB201Edge.computedNodeCount], as: UTF8.self)
    }
}
