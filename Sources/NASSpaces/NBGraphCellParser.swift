/// Parses nasbench's NAS-Bench-Graph text form `L0,L1,L2,L3|OP0,OP1,OP2,OP3`.
///
/// Spaces around tokens are ignored. Nodes are numbered 1...4 in messages, as links name them.
enum NBGraphCellParser {
    /// The cell, checked to be valid with ops from `allowed`.
    /// - Throws: ``NBGraphParseError`` naming the offending token.
    static func parse(_ text: String, allowed: [NBGraphOp]) throws -> NBGraphCell {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw NBGraphParseError.empty }
        let halves = trimmed.split(separator: "|", omittingEmptySubsequences: false)
        guard halves.count == 2 else { throw NBGraphParseError.missingSeparator(text) }
        let linkTokens = halves[0].split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        guard linkTokens.count == NBGraphCell.nodeCount else {
            throw NBGraphParseError.wrongLinkCount(found: halves[0].isEmpty ? 0 : linkTokens.count)
        }
        var links: [Int] = []
        for (i, token) in linkTokens.enumerated() {
            guard let link = Int(token) else { throw NBGraphParseError.badLink(node: i + 1, token: token) }
            guard link >= 0, link <= i else { throw NBGraphParseError.linkOutOfRange(node: i + 1, link: link) }
            links.append(link)
        }
        let opTokens = halves[1].split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        guard opTokens.count == NBGraphCell.nodeCount else {
            throw NBGraphParseError.wrongOpCount(found: halves[1].isEmpty ? 0 : opTokens.count)
        }
        var ops: [NBGraphOp] = []
        for (i, token) in opTokens.enumerated() {
            guard let op = NBGraphOp(rawValue: token), allowed.contains(op) else {
                throw NBGraphParseError.unknownOp(node: i + 1, token: token, expected: allowed)
            }
            ops.append(op)
        }
        let cell = NBGraphCell(links: links, ops: ops)
        guard cell.isValid else { throw NBGraphParseError.allSkip }
        return cell
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
