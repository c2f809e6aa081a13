/// Byte-level parser for official NB201 cell strings.
///
/// Works directly on the UTF-8 bytes (no regular expressions, no intermediate strings
/// unless an error is reported), so parsing all 15,625 strings of the benchmark is cheap.
enum NB201CellParser {
    private static let bar = UInt8(ascii: "|")
    private static let plus = UInt8(ascii: "+")
    private static let tilde = UInt8(ascii: "~")
    private static let zero = UInt8(ascii: "0")

    /// The official op names as bytes, indexed by ``NB201Op/index``.
    private static let opNames: [[UInt8]] = NB201Op.allCases.map { Array($0.rawValue.utf8) }

    /// Parses an official cell string.
    ///
    /// - Throws: ``NB201ParseError`` naming the first problem found.
    static func parse(_ text: String) throws -> NB201Cell {
        if let cell = try text.utf8.withContiguousStorageIfAvailable({ try parse(bytes: $0) }) {
            return cell
        }
        return try Array(text.utf8).withUnsafeBufferPointer { try parse(bytes: $0) }
    }

    /// Parses the UTF-8 bytes of an official cell string.
    static func parse(bytes: UnsafeBufferPointer<UInt8>) throws -> NB201Cell {
        guard !bytes.isEmpty else { throw NB201ParseError.empty }
        var nodeCount = 1
        for byte in bytes where byte == plus {
            nodeCount += 1
        }
        guard nodeCount == NB201Edge.computedNodeCount else {
            throw NB201ParseError.wrongNodeCount(found: nodeCount)
        }
        var rank = 0
        var nodeStart = 0
        for node in 1...NB201Edge.computedNodeCount {
            var nodeEnd = nodeStart
            while nodeEnd < bytes.count, bytes[nodeEnd] != plus {
                nodeEnd += 1
            }
            rank = try parseNode(node, bytes: bytes, range: nodeStart..<nodeEnd, rank: rank)
            nodeStart = nodeEnd + 1
        }
        return NB201Cell(validRank: rank)
    }

    /// Parses node `node` (1...3) occupying `range`, appending its op digits to `rank`.
    private static func parseNode(
        _ node: Int, bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, rank: Int
    ) throws -> Int {
        func malformed() -> NB201ParseError {
            .malformedSeparator(node: node, fragment: text(bytes, range))
        }
        guard range.count >= 2, bytes[range.lowerBound] == bar, bytes[range.upperBound - 1] == bar else {
            throw malformed()
        }
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        var entryCount = 1
        var previousBar = range.lowerBound
        for position in inner where bytes[position] == bar {
            if position == previousBar + 1 { throw malformed() }
            entryCount += 1
            previousBar = position
        }
        if inner.isEmpty || previousBar == inner.upperBound - 1 { throw malformed() }
        guard entryCount == node else {
            throw NB201ParseError.wrongEdgeCount(node: node, found: entryCount)
        }
        var rank = rank
        var entryStart = inner.lowerBound
        for source in 0..<node {
            var entryEnd = entryStart
            while entryEnd < inner.upperBound, bytes[entryEnd] != bar {
                entryEnd += 1
            }
            let edge = NB201Edge.firstIndex(feeding: node) + source
            let op = try parseEntry(bytes: bytes, range: entryStart..<entryEnd, edge: edge, source: source)
            rank = rank * NB201Op.count + op
            entryStart = entryEnd + 1
        }
        return rank
    }

    /// Parses one `op~source` entry and returns the op index.
    private static func parseEntry(
        bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, edge: Int, source: Int
    ) throws -> Int {
        var tildePosition = range.lowerBound
        while tildePosition < range.upperBound, bytes[tildePosition] != tilde {
            tildePosition += 1
        }
        guard tildePosition < range.upperBound else {
            throw NB201ParseError.missingInputIndex(edge: edge, token: text(bytes, range))
        }
        let nameRange = range.lowerBound..<tildePosition
        guard let op = opIndex(bytes: bytes, range: nameRange) else {
            throw NB201ParseError.unknownOp(edge: edge, token: text(bytes, nameRange))
        }
        let indexRange = (tildePosition + 1)..<range.upperBound
        guard indexRange.count == 1, bytes[indexRange.lowerBound] == zero + UInt8(source) else {
            throw NB201ParseError.wrongInputIndex(edge: edge, token: text(bytes, indexRange))
        }
        return op
    }

    /// The index of the op whose official name is exactly `bytes[range]`, if any.
    private static func opIndex(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Int? {
        candidates: for (index, name) in opNames.enumerated() where name.count == range.count {
            for (offset, byte) in name.enumerated() where bytes[range.lowerBound + offset] != byte {
                continue candidates
            }
            return index
        }
        return nil
    }

    /// Decodes `bytes[range]` for an error message.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
