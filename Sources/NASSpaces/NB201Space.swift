/// The NAS-Bench-201 (NATS-Bench topology) search space: 15,625 cells, one of five
/// operations on each of the six edges of a fixed 4-node DAG.
///
/// Cells are enumerated in lexicographic rank order (see ``NB201Cell``); the official
/// benchmark index is a separate mapping provided by the oracle data.
public struct NB201Space: SearchSpace {
    public typealias Cell = NB201Cell

    /// Creates the (stateless) space.
    public init() {}

    /// `"NAS-Bench-201"`.
    public var name: String { "NAS-Bench-201" }

    /// Always 15,625.
    public var cellCount: Int? { NB201Cell.count }

    /// All 15,625 cells in lexicographic rank order (`allCells[r].rank == r`).
    public var allCells: [NB201Cell] {
        (0..<NB201Cell.count).map { NB201Cell(validRank: $0) }
    }

    /// Parses an official cell string such as
    /// `|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|`.
    ///
    /// The form is strict (no whitespace, inputs listed `~0`, `~1`, ... in order), so
    /// `describe(try parse(s)) == s` byte for byte for every official string.
    /// - Throws: ``NB201ParseError`` naming the offending token and what was expected.
    public func parse(_ text: String) throws -> NB201Cell {
        try NB201CellParser.parse(text)
    }

    /// The official cell string (same as `cell.description`).
    public func describe(_ cell: NB201Cell) -> String {
        cell.description
    }

    /// A cell drawn uniformly from all 15,625 (one ``RandomNumberGenerator/nextUniform(below:)``
    /// draw, so a seeded generator gives a reproducible sequence).
    public func sample(using generator: inout some RandomNumberGenerator) -> NB201Cell {
        NB201Cell(validRank: Int(generator.nextUniform(below: UInt64(NB201Cell.count))))
    }

    /// The 24 cells differing from `cell` on exactly one edge, ordered by edge, then by
    /// op index.
    public func neighbours(of cell: NB201Cell) -> [NB201Cell] {
        var result: [NB201Cell] = []
        result.reserveCapacity(NB201Cell.edgeCount * (NB201Op.count - 1))
        for edge in 0..<NB201Cell.edgeCount {
            let current = cell[edge]
            for op in NB201Op.allCases where op != current {
                result.append(cell.replacing(edge: edge, with: op))
            }
        }
        return result
    }

    /// The benchmark's key, ``NB201Cell/nb201Key`` (6,466 classes).
    public func isomorphismKey(_ cell: NB201Cell) -> String {
        cell.nb201Key
    }

    /// The purely functional key, ``NB201Cell/functionalKey(linearPooling:)`` (4,930 classes
    /// by default, 4,660 with `linearPooling`).
    public func functionalKey(_ cell: NB201Cell, linearPooling: Bool = false) -> String {
        cell.functionalKey(linearPooling: linearPooling)
    }
}
