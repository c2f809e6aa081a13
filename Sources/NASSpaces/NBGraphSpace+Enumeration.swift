/// The package's enumeration (`all_archs()`): every canonical cell, here in ascending package
/// hash (the order of its tables' keys), with a dense rank for table lookups.
extension NBGraphSpace {
    /// Number of architectures in the full space (the paper's 26,206).
    public static let architectureCount = 26_206

    /// All canonical cells of the nine-op space in ascending ``NBGraphCell/packageHash``.
    static let allArchitectures: [NBGraphCell] = {
        var cells: [NBGraphCell] = []
        for links in NBGraphCell.canonicalLinkLists {
            for code in 0..<6561 {
                var rest = code
                var ops: [NBGraphOp] = []
                for _ in 0..<NBGraphCell.nodeCount {
                    ops.insert(NBGraphOp.allCases[rest % NBGraphOp.count], at: 0)
                    rest /= NBGraphOp.count
                }
                let cell = NBGraphCell(links: links, ops: ops)
                if cell.isCanonical { cells.append(cell) }
            }
        }
        return cells
    }()

    /// Dense rank of each package hash in ``allArchitectures`` (-1 for numbers that are none).
    static let rankOfHash: [Int32] = {
        var table = [Int32](repeating: -1, count: 88_889)
        for (rank, cell) in allArchitectures.enumerated() {
            if let hash = cell.packageHash { table[hash] = Int32(rank) }
        }
        return table
    }()

    /// The canonical cells of the ogbn-proteins ops, in ascending package hash.
    static let proteinsArchitectures = allArchitectures.filter(\.usesProteinsOpsOnly)

    /// The space's architectures (canonical cells whose ops are all in ``ops``), in ascending
    /// package hash.
    public var architectures: [NBGraphCell] {
        if ops.count == NBGraphOp.count { return Self.allArchitectures }
        if ops == NBGraphOp.proteins { return Self.proteinsArchitectures }
        return Self.allArchitectures.filter { $0.ops.allSatisfy(ops.contains) }
    }

    /// The position of a cell's architecture in the full enumeration, 0..<26,206, or nil for an
    /// invalid cell.
    public static func rank(of cell: NBGraphCell) -> Int? {
        guard let hash = cell.packageHash, hash < rankOfHash.count, rankOfHash[hash] >= 0 else { return nil }
        return Int(rankOfHash[hash])
    }

    /// The architecture at `rank` in the full enumeration, or nil out of range.
    public static func architecture(atRank rank: Int) -> NBGraphCell? {
        rank >= 0 && rank < allArchitectures.count ? allArchitectures[rank] : nil
    }
}
