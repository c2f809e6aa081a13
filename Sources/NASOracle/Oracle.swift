/// Something that answers questions about cells of a search space, keeping account of how
/// many questions were asked and how much training they would have cost.
public protocol Oracle {
    associatedtype Cell

    /// Answers `query` for `cell`, charging one query and the cell's simulated training time.
    mutating func query(_ cell: Cell, _ query: Query, using generator: inout some RandomNumberGenerator) throws
        -> Double

    /// Queries answered so far.
    var queryCount: Int { get }
    /// Simulated training seconds spent so far.
    var simulatedSeconds: Double { get }
}
