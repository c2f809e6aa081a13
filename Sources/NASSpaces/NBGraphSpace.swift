/// The NAS-Bench-Graph search space (Qin et al., "NAS-Bench-Graph: Benchmarking Graph Neural
/// Architecture Search", NeurIPS 2022 Datasets and Benchmarks; PyPI `nas-bench-graph` 1.4.0):
/// four computing nodes, each one of nine GNN ops reading one earlier node (a tree rooted at the
/// input), 26,206 architectures up to the package's isomorphism rule.
///
/// Cells are raw `(links, ops)` pairs as the package's `Arch` takes them; the benchmark's key is
/// ``NBGraphCell/packageHash`` (`Arch.valid_hash()`), shared by all cells of one architecture.
/// ogbn-proteins was trained only on the ops ``NBGraphOp/proteins``: ``proteins`` is that subspace
/// (2,021 architectures).
public struct NBGraphSpace: SearchSpace {
    public typealias Cell = NBGraphCell

    /// The ops cells may use, in the package's order.
    public let ops: [NBGraphOp]

    /// The space with the given ops (default: all nine).
    public init(ops: [NBGraphOp] = NBGraphOp.allCases) {
        self.ops = NBGraphOp.allCases.filter(ops.contains)
    }

    /// The ogbn-proteins subspace: ops gcn, sage, arma, fc, skip (the package's `gnn_list_proteins`).
    public static let proteins = NBGraphSpace(ops: NBGraphOp.proteins)

    /// `"NAS-Bench-Graph"` (or `"NAS-Bench-Graph (proteins ops)"` for the subspace).
    public var name: String { ops.count == NBGraphOp.count ? "NAS-Bench-Graph" : "NAS-Bench-Graph (proteins ops)" }

    /// The number of architectures (canonical cells): 26,206; 2,021 for ``proteins``.
    public var cellCount: Int? { architectures.count }

    /// Parses `L0,L1,L2,L3|OP0,OP1,OP2,OP3` (see ``NBGraphCell/description``); any valid cell,
    /// canonical or not.
    /// - Throws: ``NBGraphParseError`` naming the offending token and what was expected.
    public func parse(_ text: String) throws -> NBGraphCell {
        try NBGraphCellParser.parse(text, allowed: ops)
    }

    /// The text form (same as `cell.description`).
    public func describe(_ cell: NBGraphCell) -> String {
        cell.description
    }

    /// A valid cell uniform over the raw cells, as NNI's search space in the package's
    /// `runnni.py` draws one: node i's link uniform in 0...i-1, each op uniform, redrawn while
    /// all four ops are skip. Not uniform over architectures (see ``sampleArchitecture(using:)``).
    public func sample(using generator: inout some RandomNumberGenerator) -> NBGraphCell {
        while true {
            let links = (0..<NBGraphCell.nodeCount).map { Int(generator.nextUniform(below: UInt64($0 + 1))) }
            let drawn = (0..<NBGraphCell.nodeCount).map { _ in ops[Int(generator.nextUniform(below: UInt64(ops.count)))] }
            let cell = NBGraphCell(links: links, ops: drawn)
            if cell.isValid { return cell }
        }
    }

    /// An architecture uniform over the space's canonical cells.
    public func sampleArchitecture(using generator: inout some RandomNumberGenerator) -> NBGraphCell {
        let all = architectures
        return all[Int(generator.nextUniform(below: UInt64(all.count)))]
    }

    /// The valid cells one change away: each node's link set to each other earlier node (by
    /// node, then link), then each node's op replaced by each other op of the space (by node,
    /// then package order).
    public func neighbours(of cell: NBGraphCell) -> [NBGraphCell] {
        var result: [NBGraphCell] = []
        for node in 0..<cell.links.count {
            for link in 0...node where link != cell.links[node] {
                var links = cell.links
                links[node] = link
                result.append(NBGraphCell(links: links, ops: cell.ops))
            }
        }
        for node in 0..<cell.ops.count {
            for op in ops where op != cell.ops[node] {
                var changed = cell.ops
                changed[node] = op
                let next = NBGraphCell(links: cell.links, ops: changed)
                if next.isValid { result.append(next) }
            }
        }
        return result
    }

    /// The canonical forms of ``neighbours(of:)``, without repeats and without the cell's own
    /// architecture: the distinct architectures one change away.
    public func distinctNeighbours(of cell: NBGraphCell) -> [NBGraphCell] {
        let own = cell.canonicalForm()
        var seen: Set<NBGraphCell> = []
        return neighbours(of: cell).compactMap { $0.canonicalForm() }.filter { $0 != own && seen.insert($0).inserted }
    }

    /// The package's hash (`Arch.valid_hash()`) in decimal; `"invalid"` for an invalid cell,
    /// which ``parse(_:)`` and ``sample(using:)`` never produce.
    public func isomorphismKey(_ cell: NBGraphCell) -> String {
        cell.packageHash.map(String.init) ?? "invalid"
    }
}
