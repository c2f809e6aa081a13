import NASCore
import Foundation

/// Why a string is not a NAS-Bench-101 cell in nasbench's text form
/// `ROW,ROW,...,ROW|OP,...,OP`: the adjacency matrix rows as `0`/`1` digits, then the ops of the
/// intermediate vertices by their official names.
public enum NB101ParseError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The string is empty.
    case empty
    /// No `|` between the matrix and the ops.
    case missingSeparator(String)
    /// The matrix does not have 2...7 rows.
    case wrongVertexCount(found: Int)
    /// A row is not `vertexCount` digits `0` or `1`.
    case badRow(row: Int, token: String, expectedLength: Int)
    /// An edge goes backwards or is a self-loop (the matrix must be strictly upper triangular).
    case notUpperTriangular(source: Int, target: Int)
    /// The op list does not name one op per intermediate vertex.
    case wrongOpCount(found: Int, expected: Int)
    /// An op name is not one of the three official ops.
    case unknownOp(vertex: Int, token: String)
    /// The spec is disconnected or has more than 9 edges after pruning.
    case invalidSpec(String, why: String)

    static let expectedOps = NB101Op.allCases.map(\.rawValue).joined(separator: ", ")
    static let example = "0110000,0001000,...|conv3x3-bn-relu,maxpool3x3,..."

    /// A human-readable explanation naming the offending token and what was expected.
    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .empty:
            return "empty NB101 cell (expected rows of the adjacency matrix, '|', then the ops, e.g. '\(Self.example)')"
        case .missingSeparator(let text):
            return "no '|' between matrix and ops in '\(text)' (expected e.g. '\(Self.example)')"
        case .wrongVertexCount(let found):
            return "the matrix has \(found) rows, expected 2 to 7 (input, up to 5 ops, output)"
        case .badRow(let row, let token, let length):
            return "bad matrix row \(row) '\(token)' (expected \(length) digits 0 or 1, one per vertex)"
        case .notUpperTriangular(let source, let target):
            return "edge \(source)->\(target) is on or below the diagonal (expected an upper-triangular matrix: edges go from lower to higher vertices)"
        case .wrongOpCount(let found, let expected):
            return "\(found) ops for \(expected) intermediate vertices (list one op per vertex between input and output)"
        case .unknownOp(let vertex, let token):
            return "unknown op '\(token)' at vertex \(vertex) (expected one of: \(Self.expectedOps))"
        case .invalidSpec(let text, let why):
            return "not a NAS-Bench-101 cell: \(text): \(why)"
        }
    }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}
