extension NB201Cell {
    private static let functionalInput: [UInt8] = Array("x".utf8)
    private static let functionalZero = "zero"
    private static let functionalOpPrefixes: [[UInt8]] = NB201Op.allCases.map { Array("\($0.rawValue)(".utf8) }

    /// A purely functional canonical form of the cell's output: two cells share it exactly
    /// when they compute the same expression of the input `x`.
    ///
    /// Each node value is a *multiset* of terms (a sum); a term is `x` or `op(sum)`.
    /// - `none` edges contribute nothing, and an op applied to an identically zero node is
    ///   zero, so dead paths vanish (`x + 0 = x`, `conv(0) = 0`);
    /// - `skip_connect` splices the source's terms into the target's sum, so nested sums
    ///   are flattened (associativity) and every sum is sorted (commutativity);
    /// - only node 3 is printed, so nodes that do not reach the output are ignored.
    /// The output is rendered with official op names, e.g.
    /// `avg_pool_3x3(nor_conv_1x1(x))+x`; the all-zero function is `zero`.
    ///
    /// Why this never merges cells that differ as functions: every rewrite above is an exact
    /// identity of real arithmetic (adding zero, `op(0) = 0` for the bias-free convolutions
    /// and for pooling -- the same convention NB201's own key uses when it maps `op(#)` to
    /// `#` -- and associativity/commutativity of `+`). Multiplicities are kept (`x + x` is
    /// `2x`, not `x`), and the convolutions are nonlinear (ReLU first), so `conv(a+b)` is
    /// never split. Hence equal keys imply equal functions. Conversely, NB201's own key
    /// `nb201Key` is a rendering of the same expression tree *without* these rewrites, so two
    /// cells with equal `nb201Key` always get equal functional keys: the functional classes
    /// are unions of NB201 classes (4,930 classes on the full space, versus 6,466).
    ///
    /// - Parameter linearPooling: also use that 3x3 average pooling (stride 1) is linear,
    ///   `avg(a + b) = avg(a) + avg(b)`, distributing pooling over sums. This is still exact
    ///   as well and merges a few more
    ///   cells: 4,660 classes. Off by default, which keeps the graph-level notion above.
    public func functionalKey(linearPooling: Bool = false) -> String {
        let plus = UInt8(ascii: "+")
        let close = UInt8(ascii: ")")
        var nodes: [[[UInt8]]] = [[Self.functionalInput]]
        nodes.reserveCapacity(NB201Edge.computedNodeCount + 1)
        for target in 1...NB201Edge.computedNodeCount {
            let first = NB201Edge.firstIndex(feeding: target)
            var terms: [[UInt8]] = []
            for source in 0..<target {
                let op = self[first + source]
                let input = nodes[source]
                if op == .none || input.isEmpty {
                    continue
                }
                let prefix = Self.functionalOpPrefixes[op.index]
                switch op {
                case .skipConnect:
                    terms += input
                case .avgPool3x3 where linearPooling:
                    for term in input {
                        terms.append(prefix + term + [close])
                    }
                default:
                    terms.append(prefix + Array(input.joined(separator: [plus])) + [close])
                }
            }
            terms.sort { $0.lexicographicallyPrecedes($1) }
            nodes.append(terms)
        }
        let output = nodes[NB201Edge.computedNodeCount]
        if output.isEmpty {
            return Self.functionalZero
        }
        return String(decoding: Array(output.joined(separator: [plus])), as: UTF8.self)
    }
}
