/// One NAS-Bench-Graph architecture (Qin et al., NeurIPS 2022): four computing nodes, each one
/// GNN op reading one earlier node; every node without successors feeds the output.
///
/// `links[i]` is the input of computing node `i + 1`: `0` is the raw input, `j` computing node
/// `j` (so `links[i] <= i`). `ops[i]` is that node's operation. This is the package's
/// `Arch(link, ops)`; several cells describe the same network (see ``canonicalForm()``).
public struct NBGraphCell: Hashable, Sendable, CustomStringConvertible {
    /// Number of computing nodes (4).
    public static let nodeCount = 4
    /// Number of valid cells: 4! link lists x 9^4 op lists, less the 24 all-skip cells (157,440).
    public static let rawCount = 24 * 6561 - 24

    /// The input of each computing node (0: raw input, j: node j).
    public let links: [Int]
    /// The operation of each computing node.
    public let ops: [NBGraphOp]

    /// A cell from its link and op lists (not checked; see ``isValid``).
    public init(links: [Int], ops: [NBGraphOp]) {
        self.links = links
        self.ops = ops
    }

    /// Four nodes, each reading an earlier node, and not all four ops `skip` (the identity
    /// network, which the package leaves out of its enumeration).
    public var isValid: Bool {
        links.count == Self.nodeCount && ops.count == Self.nodeCount
            && links.enumerated().allSatisfy { $0.element >= 0 && $0.element <= $0.offset }
            && !ops.allSatisfy { $0 == .skip }
    }

    /// Whether every op is one of the ops trained on ogbn-proteins (``NBGraphOp/proteins``).
    public var usesProteinsOpsOnly: Bool { ops.allSatisfy(NBGraphOp.proteins.contains) }

    /// nasbench's text form `L0,L1,L2,L3|OP0,OP1,OP2,OP3`, e.g. `0,1,2,1|gcn,gin,fc,cheb`.
    public var description: String {
        links.map(String.init).joined(separator: ",") + "|" + ops.map(\.rawValue).joined(separator: ",")
    }
}
