import NASSpaces

extension NB201Cell {
    /// Width of ``oneHotIndices``' feature space: 6 edges x 5 ops.
    public static let oneHotWidth = edgeCount * NB201Op.count

    /// The positions of the six ones in the cell's 30-feature one-hot encoding
    /// (feature `5 * edge + op.index`), official edge order.
    public var oneHotIndices: [Int] {
        (0..<Self.edgeCount).map { $0 * NB201Op.count + self[$0].index }
    }
}
