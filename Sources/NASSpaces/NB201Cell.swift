/// A NAS-Bench-201 cell: one ``NB201Op`` on each of the six edges of the fixed 4-node DAG.
///
/// Stored compactly as its lexicographic rank: the op indices read as a base-5 number
/// over the edges in official order (edge 0 = (1<-0) is the most significant digit).
/// Rank 0 is the all-`none` cell and rank 15,624 the all-`avg_pool_3x3` cell; ordering
/// cells by rank is the lexicographic order of their op tuples. This rank is NOT the
/// official NB201 index (that order is a random permutation, see the oracle data).
public struct NB201Cell: Hashable, Sendable, Comparable {
    /// Number of edges (6).
    public static let edgeCount = 6
    /// Number of cells in the space, 5^6 = 15,625.
    public static let count = 15_625

    /// Place values of the edge digits: `placeValues[e] = 5^(5 - e)`.
    static let placeValues: [Int] = [3125, 625, 125, 25, 5, 1]

    private let code: UInt16

    /// The lexicographic rank, 0..<15,625.
    public var rank: Int { Int(code) }

    /// The cell with lexicographic rank `rank`, or `nil` outside 0..<15,625.
    public init?(rank: Int) {
        guard rank >= 0, rank < Self.count else { return nil }
        code = UInt16(rank)
    }

    /// Internal unchecked initializer; `rank` must be in 0..<15,625.
    init(validRank rank: Int) {
        code = UInt16(rank)
    }

    /// The cell with `ops[e]` on edge `e` (official edge order, see ``NB201Edge``).
    ///
    /// - Precondition: `ops.count == 6`.
    public init(ops: [NB201Op]) {
        precondition(ops.count == Self.edgeCount, "an NB201 cell has 6 edges, got \(ops.count) ops")
        var rank = 0
        for op in ops {
            rank = rank * NB201Op.count + op.index
        }
        code = UInt16(rank)
    }

    /// The operation on edge `edge` (0...5).
    public subscript(edge: Int) -> NB201Op {
        precondition(edge >= 0 && edge < Self.edgeCount, "edge index \(edge) out of range 0...5")
        return NB201Op.allCases[(rank / Self.placeValues[edge]) % NB201Op.count]
    }

    /// The six operations in official edge order.
    public var ops: [NB201Op] {
        (0..<Self.edgeCount).map { self[$0] }
    }

    /// This cell with edge `edge` (0...5) set to `op`.
    public func replacing(edge: Int, with op: NB201Op) -> NB201Cell {
        let old = self[edge].index
        return NB201Cell(validRank: rank + (op.index - old) * Self.placeValues[edge])
    }

    /// Number of edges on which the two cells differ (0...6).
    public func hammingDistance(to other: NB201Cell) -> Int {
        (0..<Self.edgeCount).reduce(0) { $0 + (self[$1] == other[$1] ? 0 : 1) }
    }

    /// Orders cells by lexicographic rank.
    public static func < (lhs: NB201Cell, rhs: NB201Cell) -> Bool {
        lhs.code < rhs.code
    }
}
