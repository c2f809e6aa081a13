import NASSpaces

/// The path encoding of White et al., "BANANAS: Bayesian Optimization with Neural
/// Architectures for Neural Architecture Search" (AAAI 2021), for NAS-Bench-201, as in
/// NASLib's `encode_paths` for NB201.
///
/// An NB201 cell has exactly four input-to-output paths, given by edge indices in official
/// order: `[3]` (3<-0), `[0, 4]` (1<-0, 3<-1), `[1, 5]` (2<-0, 3<-2) and `[0, 2, 5]`
/// (1<-0, 2<-1, 3<-2). A path's feature is its op sequence: the features are one indicator
/// per possible sequence of length 1, 2 and 3 over the five ops, 5 + 25 + 125 = 155 in all.
/// Sequences of length `L` start at offset `0`, `5`, `30` for `L = 1, 2, 3`, and the sequence
/// `(o_1, ..., o_L)` (official op indices, input side first) sits at offset plus
/// `o_1 * 5^(L-1) + ... + o_L` (the first op is the most significant base-5 digit).
///
/// As in NASLib, `none` is an op like the others (paths through a `none` edge are kept, so
/// exactly four features are set unless the two length-2 paths share a sequence, in which
/// case the indicator is set once and three features are 1). NASLib applies the same path
/// blueprints to its own edge order ((1<-0), (2<-0), (3<-0), (2<-1), ...), where they no
/// longer trace input-to-output paths; here they are applied to the official order, where
/// they do.
extension NB201Space {
    /// Number of path features: 5 + 25 + 125.
    public static let pathFeatureCount = 155

    /// The four input-to-output paths as official edge indices, input side first.
    public static let inputOutputPaths: [[Int]] = [[3], [0, 4], [1, 5], [0, 2, 5]]

    /// The op sequences along the four input-to-output paths, in ``inputOutputPaths`` order.
    public func paths(of cell: NB201Cell) -> [[NB201Op]] {
        Self.inputOutputPaths.map { path in path.map { cell[$0] } }
    }

    /// The indices of the path features set for `cell` (four values, possibly repeated).
    public func pathFeatureIndices(_ cell: NB201Cell) -> [Int] {
        paths(of: cell).map { ops in
            let offset = (1..<ops.count).reduce(0) { total, length in total + Self.power(NB201Op.count, length) }
            return offset + ops.reduce(0) { $0 * NB201Op.count + $1.index }
        }
    }

    /// `base^exponent` for small non-negative exponents.
    private static func power(_ base: Int, _ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { value, _ in value * base }
    }
}
