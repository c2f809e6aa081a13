import NASSpaces

extension CellCodec {
    /// Bytes of an NB101 encoding: 21 edge flags, then 5 op labels.
    static let nb101EdgeSlots = 21

    /// NAS-Bench-101: the canonical form of the model (``NB101Cell/canonicalForm()``: pruned,
    /// intermediate vertices renumbered canonically, so every spec of one model gives one string)
    /// in nasbench's text form, and a 26-byte encoding of it padded to 7 vertices: the 21
    /// upper-triangular entries row by row (0->1, ..., 0->6, 1->2, ..., 5->6; 0 or 1), then the
    /// official labels of vertices 1...5 (conv3x3-bn-relu=0, conv1x1-bn-relu=1, maxpool3x3=2;
    /// padding vertices have no edges and label 0). Rows are found by string.
    public static let nb101 = CellCodec(
        space: .nb101, encodingWidth: nb101EdgeSlots + NB101Cell.maxVertices - 2, alphabetSize: NB101Op.count,
        encode: { text in
            let cell = try NB101Space().parse(text)
            guard let model = cell.canonicalForm() else {
                throw OracleError.badInput("NB101 cell \(text) is disconnected")
            }
            return (model.description, nb101Bytes(model))
        },
        decode: { bytes in nb101Cell(bytes).pruned()?.description ?? "invalid" })

    /// The 26 encoding bytes of a cell (padded to 7 vertices).
    static func nb101Bytes(_ cell: NB101Cell) -> [UInt8] {
        let padded = cell.paddedToSevenVertices()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(nb101EdgeSlots + 5)
        for source in 0..<(NB101Cell.maxVertices - 1) {
            for target in (source + 1)..<NB101Cell.maxVertices {
                bytes.append(padded.hasEdge(source, target) ? 1 : 0)
            }
        }
        bytes += padded.ops.map { UInt8($0.label) }
        return bytes
    }

    /// The 7-vertex cell of 26 encoding bytes (out-of-range op labels read as conv3x3).
    static func nb101Cell(_ bytes: ArraySlice<UInt8>) -> NB101Cell {
        let start = bytes.startIndex
        var slot = [[Int]](repeating: [Int](repeating: -1, count: NB101Cell.maxVertices), count: NB101Cell.maxVertices)
        var next = 0
        for source in 0..<(NB101Cell.maxVertices - 1) {
            for target in (source + 1)..<NB101Cell.maxVertices {
                slot[source][target] = next
                next += 1
            }
        }
        let ops = (0..<(NB101Cell.maxVertices - 2)).map {
            NB101Op(label: Int(bytes[start + nb101EdgeSlots + $0])) ?? .conv3x3
        }
        return NB101Cell(ops: ops) { bytes[start + slot[$0][$1]] == 1 }
    }
}
