/// What a benchmark column measures.
public enum Metric: String, CaseIterable, Sendable, Codable {
    case accuracy
    /// Area under the ROC curve (%), e.g. ogbn-proteins in NAS-Bench-Graph.
    case rocAUC = "roc_auc"
    case loss
    case params = "params_m"
    case flops = "flops_m"
    case trainTime = "train_time_s"
    case latency = "latency_ms"
    case energy = "energy_mj"

    /// Whether larger values are better (accuracy, ROC-AUC) or smaller ones (loss, size, time).
    public var higherIsBetter: Bool { self == .accuracy || self == .rocAUC }

    /// The unit the values are stored in.
    public var unit: String {
        switch self {
        case .accuracy, .rocAUC: return "%"
        case .loss: return "nats"
        case .params: return "millions"
        case .flops: return "MFLOPs"
        case .trainTime: return "s"
        case .latency: return "ms"
        case .energy: return "mJ"
        }
    }

    /// Whether values are percentages in 0...100 (accuracy, ROC-AUC).
    public var isPercentage: Bool { self == .accuracy || self == .rocAUC }

    /// Whether a value of this metric depends on how long the network was trained.
    public var dependsOnEpochs: Bool { self == .accuracy || self == .rocAUC || self == .loss || self == .trainTime }
}

/// Which data a value was measured on. `none` is for properties of the network itself
/// (params, FLOPs, latency).
public enum Split: String, CaseIterable, Sendable, Codable {
    case train, valid, test, valtest, none
}

/// A dataset (or the benchmark's name for a dataset-and-protocol pair, such as NB201's
/// `cifar10-valid`: trained on the 25k train split, evaluated on the 25k valid split).
public struct Dataset: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let cifar10: Dataset = "cifar10"
    public static let cifar10Valid: Dataset = "cifar10-valid"
    public static let cifar100: Dataset = "cifar100"
    public static let imagenet16: Dataset = "ImageNet16-120"
}

/// Identifies one stored column: a dataset, split, metric, training budget, seed and
/// (for hardware metrics) the device.
public struct ColumnKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var dataset: Dataset
    public var split: Split
    public var metric: Metric
    /// Training epochs the value belongs to; nil where the metric does not depend on training.
    public var epochs: Int?
    /// The training seed; nil for the mean over the available seeds.
    public var seed: Int?
    /// Device (and runtime) for hardware metrics, e.g. `pi5-onnx`; nil otherwise.
    public var device: String?

    public init(
        dataset: Dataset, split: Split, metric: Metric, epochs: Int? = nil, seed: Int? = nil, device: String? = nil
    ) {
        self.dataset = dataset
        self.split = split
        self.metric = metric
        self.epochs = epochs
        self.seed = seed
        self.device = device
    }

    /// The column's name in files and on the command line:
    /// `dataset.split.metric[.eEPOCHS][.seedK][.@DEVICE]`, e.g. `cifar10-valid.valid.accuracy.e200.seed1`.
    public var name: String {
        var parts = [dataset.rawValue, split.rawValue, metric.rawValue]
        if let epochs { parts.append("e\(epochs)") }
        if let seed { parts.append("seed\(seed)") }
        if let device { parts.append("@\(device)") }
        return parts.joined(separator: ".")
    }

    public var description: String { name }

    /// The same column without its seed: the seed-mean column it belongs to.
    public var meanKey: ColumnKey {
        var key = self
        key.seed = nil
        return key
    }

    /// Parses a column name as written by `name`.
    public init(name: String) throws {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let example = "expected dataset.split.metric[.eEPOCHS][.seedK][.@DEVICE], e.g. cifar10-valid.valid.accuracy.e200"
        guard parts.count >= 3, !parts[0].isEmpty else {
            throw OracleError.badColumnName(name, example)
        }
        guard let split = Split(rawValue: parts[1]) else {
            throw OracleError.badColumnName(
                name, "unknown split '\(parts[1])' (expected one of: \(Split.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let metric = Metric(rawValue: parts[2]) else {
            throw OracleError.badColumnName(
                name, "unknown metric '\(parts[2])' (expected one of: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self.init(dataset: Dataset(parts[0]), split: split, metric: metric)
        for part in parts.dropFirst(3) {
            if part.hasPrefix("@"), part.count > 1, device == nil {
                device = String(part.dropFirst())
            } else if part.hasPrefix("seed"), let k = Int(part.dropFirst(4)), k >= 0, seed == nil {
                seed = k
            } else if part.hasPrefix("e"), let e = Int(part.dropFirst()), e > 0, epochs == nil {
                epochs = e
            } else {
                throw OracleError.badColumnName(name, "unexpected part '\(part)'; \(example)")
            }
        }
    }

    public static func < (a: ColumnKey, b: ColumnKey) -> Bool { a.name < b.name }
}
