import NASSpaces

extension CellCodec {
    /// NAS-Bench-Graph: the package's canonical form of the cell (``NBGraphCell/canonicalForm()``,
    /// what `Arch.valid_hash()` hashes) as `L0,L1,L2,L3|OP0,OP1,OP2,OP3`, and 8 bytes: its four
    /// links, then its four op indices in the package's `gnn_list` order (gat=0, gcn, gin, cheb,
    /// sage, arma, graph, fc, skip=8). The rank is the position among the 26,206 architectures in
    /// ascending package hash.
    public static let nbgraph = CellCodec(
        space: .nbgraph, encodingWidth: 2 * NBGraphCell.nodeCount, alphabetSize: NBGraphOp.count,
        encode: { text in
            let cell = try NBGraphSpace().parse(text)
            guard let canonical = cell.canonicalForm() else {
                throw OracleError.badInput("NAS-Bench-Graph cell \(text) is not valid")
            }
            return (canonical.description, nbgraphBytes(canonical))
        },
        spaceSize: NBGraphSpace.architectureCount,
        // Bytes that are no valid cell rank 0; the table then reports a repeated cell and
        // `verify` the mismatch, rather than trapping.
        rank: { bytes in nbgraphCell(bytes).flatMap(NBGraphSpace.rank(of:)) ?? 0 },
        decode: { bytes in nbgraphCell(bytes)?.canonicalForm()?.description ?? "invalid" })

    /// The 8 encoding bytes of a cell: links, then op indices.
    static func nbgraphBytes(_ cell: NBGraphCell) -> [UInt8] {
        cell.links.map { UInt8($0) } + cell.ops.map { UInt8($0.index) }
    }

    /// The cell of 8 encoding bytes, or nil if they are not a valid cell.
    static func nbgraphCell(_ bytes: ArraySlice<UInt8>) -> NBGraphCell? {
        guard bytes.count == 2 * NBGraphCell.nodeCount else { return nil }
        let start = bytes.startIndex
        let links = (0..<NBGraphCell.nodeCount).map { Int(bytes[start + $0]) }
        var ops: [NBGraphOp] = []
        for i in 0..<NBGraphCell.nodeCount {
            guard let op = NBGraphOp(index: Int(bytes[start + NBGraphCell.nodeCount + i])) else { return nil }
            ops.append(op)
        }
        let cell = NBGraphCell(links: links, ops: ops)
        return cell.isValid ? cell : nil
    }
}
