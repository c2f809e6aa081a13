/// Which training seed answers a query.
public enum SeedChoice: Sendable, Hashable, CustomStringConvertible {
    /// The mean over the seeds the benchmark ran.
    case mean
    /// One of the available seeds, drawn uniformly per query (what NB201-based papers do).
    case sampled
    /// A fixed seed (a cell where it was not run answers NaN).
    case fixed(Int)

    public var description: String {
        switch self {
        case .mean: return "mean"
        case .sampled: return "sampled"
        case .fixed(let k): return "seed\(k)"
        }
    }
}

/// A typed question to an oracle. Every field is explicit: there are no silent defaults for
/// the dataset, split or training budget (the commonest mistakes with the official API).
public struct Query: Sendable, Hashable, CustomStringConvertible {
    public var dataset: Dataset
    public var split: Split
    public var metric: Metric
    /// Training epochs; must be nil exactly when the metric does not depend on training.
    public var epochs: Int?
    public var seed: SeedChoice
    public var device: String?

    public init(
        dataset: Dataset, split: Split, metric: Metric, epochs: Int?, seed: SeedChoice = .mean, device: String? = nil
    ) {
        self.dataset = dataset
        self.split = split
        self.metric = metric
        self.epochs = epochs
        self.seed = seed
        self.device = device
    }

    /// The column holding the seed mean (or the fixed seed) for this query.
    public var columnKey: ColumnKey {
        var seedIndex: Int? = nil
        if case .fixed(let k) = seed { seedIndex = k }
        return ColumnKey(dataset: dataset, split: split, metric: metric, epochs: epochs, seed: seedIndex, device: device)
    }

    public var description: String { "\(columnKey.meanKey.name) (\(seed))" }
}

/// A query checked against a table once, so that answering it is an array look-up.
public struct ResolvedQuery: Sendable {
    public let query: Query
    /// The column answering `.mean` and `.fixed` queries, and defining the optimum.
    public let column: Int
    /// The per-seed columns `.sampled` draws from (empty otherwise).
    public let seedColumns: [Int]
    /// The column of training seconds charged per query, scaled by `costScale`; nil if unknown.
    public let costColumn: Int?
    public let costScale: Double
    public let higherIsBetter: Bool
    /// The best value of `column` (NaN ignored), computed once when resolving.
    public let optimum: Optimum

    /// How far `value` falls short of the optimum (0 at the optimum, positive elsewhere).
    @inlinable
    public func regret(_ value: Float) -> Float {
        higherIsBetter ? optimum.value - value : value - optimum.value
    }
}
