/// An operation at an intermediate vertex of a NAS-Bench-101 cell.
///
/// Raw values are the official names (`nasbench.api` `config['available_ops']`); `label` is
/// the op's position in that list, which the official module hash uses (input is -1, output -2).
public enum NB101Op: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// 3x3 convolution, batch norm, ReLU.
    case conv3x3 = "conv3x3-bn-relu"
    /// 1x1 convolution, batch norm, ReLU.
    case conv1x1 = "conv1x1-bn-relu"
    /// 3x3 max pooling, stride 1.
    case maxPool3x3 = "maxpool3x3"

    /// Number of operations (3).
    public static let count = 3
    /// The official name of the input vertex.
    public static let inputName = "input"
    /// The official name of the output vertex.
    public static let outputName = "output"

    /// The official label, 0...2: the index in `['conv3x3-bn-relu', 'conv1x1-bn-relu', 'maxpool3x3']`.
    public var label: Int {
        switch self {
        case .conv3x3: 0
        case .conv1x1: 1
        case .maxPool3x3: 2
        }
    }

    /// The operation with official label `label`, or `nil` outside 0...2.
    public init?(label: Int) {
        guard label >= 0, label < Self.count else { return nil }
        self = Self.allCases[label]
    }

    /// The official name, identical to `rawValue`.
    public var description: String { rawValue }
}
