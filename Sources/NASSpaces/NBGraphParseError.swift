import NASCore
import Foundation

/// Why a string is not a NAS-Bench-Graph cell in nasbench's text form
/// `L0,L1,L2,L3|OP0,OP1,OP2,OP3`: the input of each computing node (0 is the raw input, j node
/// j), `|`, then each node's op by the package's name.
public enum NBGraphParseError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The string is empty.
    case empty
    /// No single `|` between the links and the ops.
    case missingSeparator(String)
    /// Not four links.
    case wrongLinkCount(found: Int)
    /// A link is not a number.
    case badLink(node: Int, token: String)
    /// A link names the node itself or a later one.
    case linkOutOfRange(node: Int, link: Int)
    /// Not four ops.
    case wrongOpCount(found: Int)
    /// An op name is not one of the package's nine (or of the space's subset).
    case unknownOp(node: Int, token: String, expected: [NBGraphOp])
    /// All four ops are `skip`: the identity network is not in the space.
    case allSkip

    static let example = "0,1,2,1|gcn,gin,fc,cheb"

    /// A human-readable explanation naming the offending token and what was expected.
    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .empty:
            return "empty NAS-Bench-Graph cell (expected four links, '|', then four ops, e.g. '\(Self.example)')"
        case .missingSeparator(let text):
            return "no single '|' between links and ops in '\(text)' (expected e.g. '\(Self.example)')"
        case .wrongLinkCount(let found):
            return "\(found) links, expected 4 (the input of each computing node, e.g. '\(Self.example)')"
        case .badLink(let node, let token):
            return "bad link '\(token)' of node \(node) (expected a number: 0 for the raw input, j for node j)"
        case .linkOutOfRange(let node, let link):
            let allowed = (0..<node).map(String.init).joined(separator: ", ")
            return "link \(link) of node \(node) is out of range (node \(node) can read one of: \(allowed))"
        case .wrongOpCount(let found):
            return "\(found) ops, expected 4 (one per computing node, e.g. '\(Self.example)')"
        case .unknownOp(let node, let token, let expected):
            return "unknown op '\(token)' at node \(node) (expected one of: \(expected.map(\.rawValue).joined(separator: ", ")))"
        case .allSkip:
            return "all four ops are skip: the identity network is not in the NAS-Bench-Graph space"
        }
    }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}
