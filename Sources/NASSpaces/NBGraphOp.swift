/// A GNN operation at a computing node of a NAS-Bench-Graph cell.
///
/// Raw values are the package's names; the case order is the package's `gnn_list`
/// (`nas_bench_graph/architecture.py`), whose positions its architecture hash uses.
public enum NBGraphOp: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Graph attention (2 heads).
    case gat
    /// Graph convolution (Kipf & Welling).
    case gcn
    /// Graph isomorphism network layer.
    case gin
    /// Chebyshev spectral convolution.
    case cheb
    /// GraphSAGE.
    case sage
    /// ARMA filter convolution.
    case arma
    /// k-GNN graph convolution (`GraphConv`).
    case graph
    /// Fully connected layer (ignores the graph).
    case fc
    /// Identity (skip connection).
    case skip

    /// Number of operations (9).
    public static let count = 9

    /// The ops trained on ogbn-proteins: the package's `gnn_list_proteins` (gcn, sage, arma, fc, skip).
    public static let proteins: [NBGraphOp] = [.gcn, .sage, .arma, .fc, .skip]

    /// The position in the package's `gnn_list`, 0...8 (the digit in its hash).
    public var index: Int {
        switch self {
        case .gat: 0
        case .gcn: 1
        case .gin: 2
        case .cheb: 3
        case .sage: 4
        case .arma: 5
        case .graph: 6
        case .fc: 7
        case .skip: 8
        }
    }

    /// The operation at `index` in the package's `gnn_list`, or `nil` outside 0...8.
    public init?(index: Int) {
        guard index >= 0, index < Self.count else { return nil }
        self = Self.allCases[index]
    }

    /// The package's name, identical to `rawValue`.
    public var description: String { rawValue }
}
