/// Parser for nasbench's NB101 text form (see ``NB101Cell/description``).
enum NB101CellParser {
    /// Parses `ROW,...,ROW|OP,...,OP`. The op list may also name `input` first and `output`
    /// last, as the official `ModelSpec` lists them.
    ///
    /// - Throws: ``NB101ParseError`` naming the first problem found.
    static func parse(_ text: String) throws -> NB101Cell {
        guard !text.isEmpty else { throw NB101ParseError.empty }
        let halves = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2 else { throw NB101ParseError.missingSeparator(text) }
        let rows = halves[0].split(separator: ",", omittingEmptySubsequences: false)
        let vertices = rows.count
        guard (2...NB101Cell.maxVertices).contains(vertices) else {
            throw NB101ParseError.wrongVertexCount(found: vertices)
        }
        var matrix = [[Bool]]()
        for (index, row) in rows.enumerated() {
            let digits = Array(row.utf8)
            guard digits.count == vertices, digits.allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }) else {
                throw NB101ParseError.badRow(row: index, token: String(row), expectedLength: vertices)
            }
            for (target, digit) in digits.enumerated() where digit == UInt8(ascii: "1") && target <= index {
                throw NB101ParseError.notUpperTriangular(source: index, target: target)
            }
            matrix.append(digits.map { $0 == UInt8(ascii: "1") })
        }
        var names = halves[1].isEmpty ? [] : halves[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if names.count == vertices, names.first == NB101Op.inputName, names.last == NB101Op.outputName {
            names = Array(names.dropFirst().dropLast())
        }
        guard names.count == vertices - 2 else {
            throw NB101ParseError.wrongOpCount(found: names.count, expected: vertices - 2)
        }
        let ops = try names.enumerated().map { offset, name in
            guard let op = NB101Op(rawValue: name) else {
                throw NB101ParseError.unknownOp(vertex: offset + 1, token: name)
            }
            return op
        }
        return NB101Cell(ops: ops) { matrix[$0][$1] }
    }
}
