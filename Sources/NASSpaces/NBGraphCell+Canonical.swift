/// The package's isomorphism rule, ported step by step from `nas_bench_graph/architecture.py`
/// (1.4.0): `Arch.valid_hash()` = `regularize()`, then `move_skip_op()`, then
/// `equalpart_sort()`, then `hash_arch()`. Every valid cell lands on one of the 26,206
/// architectures the package enumerates (`all_archs()`), which key its tables.
extension NBGraphCell {
    /// The package's nine canonical link lists (`link_list`); the position is the hash's prefix.
    public static let canonicalLinkLists: [[Int]] = [
        [0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 2], [0, 0, 1, 3],
        [0, 1, 1, 1], [0, 1, 1, 2], [0, 1, 2, 2], [0, 1, 2, 3],
    ]

    /// `regularize()`: the 15 other link lists, each mapped to a canonical one with the op
    /// permutation that keeps the network (new `ops[k]` = old `ops[permutation[k]]`).
    static let regularization: [[Int]: (links: [Int], permutation: [Int])] = [
        [0, 0, 0, 2]: ([0, 0, 0, 1], [1, 0, 2, 3]), [0, 0, 0, 3]: ([0, 0, 0, 1], [2, 0, 1, 3]),
        [0, 0, 1, 0]: ([0, 0, 0, 1], [0, 1, 3, 2]), [0, 0, 2, 0]: ([0, 0, 0, 1], [1, 0, 3, 2]),
        [0, 0, 2, 1]: ([0, 0, 1, 2], [1, 0, 2, 3]), [0, 0, 2, 2]: ([0, 0, 1, 1], [1, 0, 2, 3]),
        [0, 0, 2, 3]: ([0, 0, 1, 3], [1, 0, 2, 3]), [0, 1, 0, 0]: ([0, 0, 0, 1], [0, 2, 3, 1]),
        [0, 1, 0, 1]: ([0, 0, 1, 1], [0, 2, 1, 3]), [0, 1, 0, 2]: ([0, 0, 1, 3], [0, 2, 1, 3]),
        [0, 1, 0, 3]: ([0, 0, 1, 2], [0, 2, 1, 3]), [0, 1, 1, 0]: ([0, 0, 1, 1], [0, 3, 1, 2]),
        [0, 1, 1, 3]: ([0, 1, 1, 2], [0, 2, 1, 3]), [0, 1, 2, 0]: ([0, 0, 1, 3], [0, 3, 1, 2]),
        [0, 1, 2, 1]: ([0, 1, 1, 2], [0, 1, 3, 2]),
    ]

    /// `equalpart_sort()`: per canonical link list, the nodes whose ops may be sorted (their
    /// subtrees are interchangeable).
    static let interchangeable: [[Int]: [Int]] = [
        [0, 0, 0, 0]: [0, 1, 2, 3], [0, 0, 0, 1]: [1, 2], [0, 0, 1, 1]: [2, 3],
        [0, 1, 1, 1]: [1, 2, 3], [0, 1, 2, 2]: [2, 3],
    ]

    /// The package's representative of this cell's class (the cell `valid_hash()` hashes), or
    /// nil for an invalid cell.
    public func canonicalForm() -> NBGraphCell? {
        guard isValid else { return nil }
        return regularized().movingSkipOps().sortingEqualParts()
    }

    /// Whether the cell is its own canonical form (one of the package's 26,206 architectures).
    public var isCanonical: Bool { canonicalForm() == self }

    /// The package's `valid_hash()`: the position of the canonical link list, then the four
    /// op indices as base-10 digits; nil for an invalid cell. Keys of the package's tables.
    public var packageHash: Int? {
        guard let canonical = canonicalForm(),
            let prefix = Self.canonicalLinkLists.firstIndex(of: canonical.links)
        else { return nil }
        return canonical.ops.reduce(prefix) { $0 * (NBGraphOp.count + 1) + $1.index }
    }

    /// The canonical cell of a package hash, or nil if the number is not one.
    public init?(packageHash: Int) {
        guard packageHash >= 0 else { return nil }
        var rest = packageHash
        var ops: [NBGraphOp] = []
        for _ in 0..<Self.nodeCount {
            guard let op = NBGraphOp(index: rest % (NBGraphOp.count + 1)) else { return nil }
            ops.insert(op, at: 0)
            rest /= NBGraphOp.count + 1
        }
        guard rest < Self.canonicalLinkLists.count else { return nil }
        self.init(links: Self.canonicalLinkLists[rest], ops: ops)
        guard isCanonical, packageHash == self.packageHash else { return nil }
    }

    /// `regularize()`.
    func regularized() -> NBGraphCell {
        guard let target = Self.regularization[links] else { return self }
        return NBGraphCell(links: target.links, ops: target.permutation.map { ops[$0] })
    }

    /// `move_skip_op()`: skip nodes are moved to the front, in the package's exact order.
    func movingSkipOps() -> NBGraphCell {
        var links = self.links
        var ops = self.ops
        for i in 0..<Self.nodeCount where ops[i] == .skip {
            var son = false
            var brother = false
            for (j, father) in links.enumerated() {
                if father == i + 1 {
                    son = true
                } else if j != i && father == links[i] {
                    brother = true
                }
            }
            if son || !brother || (Self.readsInputThroughSkips(i, links, ops) && !son) {
                (links, ops) = Self.moveToFront(i, links, ops)
            }
        }
        if links == [0, 1, 2, 1] {
            links = [0, 1, 1, 2]
            ops = [ops[0], ops[1], ops[3], ops[2]]
        } else if links == [0, 1, 1, 3] {
            links = [0, 1, 1, 2]
            ops = [ops[0], ops[2], ops[1], ops[3]]
        }
        return NBGraphCell(links: links, ops: ops)
    }

    /// `check_dim`: whether node `k + 1` and all its ancestors are skips.
    static func readsInputThroughSkips(_ k: Int, _ links: [Int], _ ops: [NBGraphOp]) -> Bool {
        var k = k
        while k > -1 {
            if ops[k] != .skip { return false }
            k = links[k] - 1
        }
        return true
    }

    /// `move_one`: node `k + 1` becomes node 1, reading the input; its readers read its input.
    static func moveToFront(_ k: Int, _ links: [Int], _ ops: [NBGraphOp]) -> ([Int], [NBGraphOp]) {
        let newOps = [ops[k]] + ops[..<k] + ops[(k + 1)...]
        var links = links
        for i in links.indices {
            let father = links[i]
            if father == k + 1 { links[i] = links[k] }
            if father <= k { links[i] += 1 }
        }
        return ([0] + links[..<k] + links[(k + 1)...], newOps)
    }

    /// `equalpart_sort()`: ops of interchangeable nodes in ascending package order.
    func sortingEqualParts() -> NBGraphCell {
        var ops = self.ops
        if links == [0, 0, 1, 2] {
            // `sort0012`: the two input-reading chains are ordered by their first, then second op.
            if ops[0].index > ops[1].index || (ops[0] == ops[1] && ops[2].index > ops[3].index) {
                ops = [ops[1], ops[0], ops[3], ops[2]]
            }
        } else if let ids = Self.interchangeable[links] {
            let sorted = ids.map { ops[$0] }.sorted { $0.index < $1.index }
            for (position, op) in zip(ids, sorted) { ops[position] = op }
        }
        return NBGraphCell(links: links, ops: ops)
    }
}
