import NASCore
import Foundation

/// Why a string is not a valid official NAS-Bench-201 cell string.
///
/// The expected form is `|op~0|+|op~0|op~1|+|op~0|op~1|op~2|`: three nodes separated by
/// `+`, node `j` listing one `op~k` entry per input `k = 0..<j` in increasing order,
/// every entry wrapped in `|`. Edge numbers in messages are official edge indices 0...5
/// (see ``NB201Edge``).
public enum NB201ParseError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The string is empty.
    case empty
    /// The string does not split into exactly three `+`-separated nodes.
    case wrongNodeCount(found: Int)
    /// A node is not of the form `|entry|entry|...|` (bad or missing `|`, empty entry).
    case malformedSeparator(node: Int, fragment: String)
    /// A node does not have exactly `node` entries.
    case wrongEdgeCount(node: Int, found: Int)
    /// An entry has no `~k` input index.
    case missingInputIndex(edge: Int, token: String)
    /// An entry's input index is not the expected one (entries must be `~0`, `~1`, ... in order).
    case wrongInputIndex(edge: Int, token: String)
    /// An entry names an operation that is not one of the five NB201 operations.
    case unknownOp(edge: Int, token: String)

    /// The official operation names, comma-separated.
    static let expectedOps = NB201Op.allCases.map(\.rawValue).joined(separator: ", ")

    /// A human-readable explanation naming the offending token and what was expected.
    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .empty:
            return "empty cell string (expected 3 nodes like '|op~0|+|op~0|op~1|+|op~0|op~1|op~2|')"
        case let .wrongNodeCount(found):
            return "wrong number of nodes: found \(found), expected 3 separated by '+'"
        case let .malformedSeparator(node, fragment):
            return "malformed separator in node \(node) '\(fragment)' "
                + "(expected '|op~k|' entries, each wrapped in '|', nodes joined by '+')"
        case let .wrongEdgeCount(node, found):
            return "wrong number of edges at node \(node): found \(found), expected \(node) "
                + "(one 'op~k' for each input k = 0...\(node - 1))"
        case let .missingInputIndex(edge, token):
            let e = NB201Edge.all[edge]
            return "missing input index in '\(token)' at edge \(edge) (\(e)): expected 'op~\(e.source)'"
        case let .wrongInputIndex(edge, token):
            let e = NB201Edge.all[edge]
            return "wrong input index '~\(token)' at edge \(edge) (\(e)): expected '~\(e.source)'"
        case let .unknownOp(edge, token):
            return "unknown op '\(token)' at edge \(edge) (\(NB201Edge.all[edge])) "
                + "(expected one of: \(Self.expectedOps))"
        }
    }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}
