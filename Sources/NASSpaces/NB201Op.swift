/// An operation on an edge of a NAS-Bench-201 cell.
///
/// Raw values are the official names used in NB201 cell strings; `index` is the
/// official operation index (0...4, in declaration order), which is also the digit used
/// by ``NB201Cell/rank``.
///
/// - Note: the case `none` shares its name with `Optional.none`; when working with an
///   `NB201Op?` write `NB201Op.none` explicitly.
public enum NB201Op: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// The zero operation: the edge does not exist.
    case none = "none"
    /// Identity.
    case skipConnect = "skip_connect"
    /// ReLU -> 1x1 convolution -> batch norm.
    case norConv1x1 = "nor_conv_1x1"
    /// ReLU -> 3x3 convolution -> batch norm.
    case norConv3x3 = "nor_conv_3x3"
    /// 3x3 average pooling, stride 1 (a linear operation).
    case avgPool3x3 = "avg_pool_3x3"

    /// Number of operations (5).
    public static let count = 5

    /// The official operation index, 0...4.
    public var index: Int {
        switch self {
        case .none: 0
        case .skipConnect: 1
        case .norConv1x1: 2
        case .norConv3x3: 3
        case .avgPool3x3: 4
        }
    }

    /// The operation with official index `index`, or `nil` outside 0...4.
    public init?(index: Int) {
        guard index >= 0, index < Self.count else { return nil }
        self = Self.allCases[index]
    }

    /// Whether the operation has trainable weights (the two convolutions).
    public var isParametric: Bool {
        self == .norConv1x1 || self == .norConv3x3
    }

    /// The official name, identical to `rawValue`.
    public var description: String { rawValue }
}
