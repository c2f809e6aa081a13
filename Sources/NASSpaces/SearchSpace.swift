/// A neural-architecture search space: a set of cells that can be parsed, printed,
/// sampled and explored by local moves.
///
/// Conforming types are small stateless values; the cells they describe are plain
/// `Hashable & Sendable` values so that searches can store and share them freely.
/// The protocol is deliberately minimal so that it fits both NAS-Bench-201 (a finite,
/// fixed DAG with operations on edges) and NAS-Bench-101 (variable DAGs with operations
/// on nodes).
public protocol SearchSpace: Sendable {
    /// One architecture of the space.
    associatedtype Cell: Hashable & Sendable

    /// Human-readable name of the space, e.g. `"NAS-Bench-201"`.
    var name: String { get }

    /// Number of cells in the space, or `nil` when the space is not (cheaply) finite.
    var cellCount: Int? { get }

    /// Parses the benchmark's canonical textual form of a cell.
    ///
    /// - Throws: a space-specific error whose description names the offending token.
    func parse(_ text: String) throws -> Cell

    /// Prints `cell` in the benchmark's canonical textual form; `parse(describe(c)) == c`.
    func describe(_ cell: Cell) -> String

    /// Draws a cell uniformly at random (over the cells, not over equivalence classes).
    func sample(using generator: inout some RandomNumberGenerator) -> Cell

    /// The cells reachable by one elementary mutation, in a deterministic order,
    /// without duplicates and without `cell` itself.
    func neighbours(of cell: Cell) -> [Cell]

    /// The benchmark's own isomorphism key: two cells with equal keys are treated as the
    /// same architecture by the benchmark (they share one training result).
    func isomorphismKey(_ cell: Cell) -> String
}
