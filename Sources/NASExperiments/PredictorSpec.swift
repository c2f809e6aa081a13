import Foundation
import NASOracle
import NASPredictors

/// Everything that decides a predictors experiment's results, as one `Codable` value: what a spec
/// file (`nasbench predictors --spec FILE.json|yaml`) holds, what the CLI fills from its flags, and
/// what a run records in its `config.json` (which `--spec` re-runs). Absent keys keep the defaults below; unknown keys are an
/// error. Threads, shards and resuming are not part of it.
public struct PredictorSpec: ExperimentSpec, Hashable, Sendable {
    /// The label column: dataset (matched case-insensitively), split, metric, epochs, seed.
    public struct Label: Hashable, Sendable, Codable {
        public var dataset: String
        public var split: Split
        public var metric: Metric
        /// Training epochs; `nil` for metrics that do not depend on training.
        public var epochs: Int?
        /// `mean` (the seed-mean column) or a training seed number.
        public var seed: SeedChoice = .mean

        public init(dataset: String, split: Split, metric: Metric, epochs: Int?, seed: SeedChoice = .mean) {
            self.dataset = dataset
            self.split = split
            self.metric = metric
            self.epochs = epochs
            self.seed = seed
        }

        private enum CodingKeys: String, CodingKey { case dataset, split, metric, epochs, seed }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                dataset: try c.decode(String.self, forKey: .dataset), split: try c.decode(Split.self, forKey: .split),
                metric: try c.decode(Metric.self, forKey: .metric), epochs: try c.decodeIfPresent(Int.self, forKey: .epochs),
                seed: try c.decodeIfPresent(SeedChoice.self, forKey: .seed) ?? .mean)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(dataset, forKey: .dataset)
            try c.encode(split, forKey: .split)
            try c.encode(metric, forKey: .metric)
            try c.encode(epochs, forKey: .epochs)
            try c.encode(seed, forKey: .seed)
        }
    }

    /// The benchmark table (HDF5): training and test cells are its rows.
    public var table: String
    /// The label column; required.
    public var label: Label?
    /// Leave out cells whose label is missing (NaN) instead of failing.
    public var dropMissingLabels = false
    /// Training-set sizes.
    public var trainSizes = [10, 20, 50, 100, 200, 500, 1000]
    /// Trials per predictor and train size.
    public var trials = 20
    /// The predictors compared, in order.
    public var predictors: [PredictorKind] = [.randomForest, .gradientBoosting]
    /// The cell encoding.
    public var encoding = Encoding.adjacencyOneHot
    /// Their hyperparameters (defaults and sources: ``PredictorSettings``).
    public var settings = PredictorSettings()
    /// Base seed; trial seeds derive from it.
    public var seed: UInt64 = 0

    public init(table: String) {
        self.table = table
    }

    public static let experiment = "predictors"

    public var hinted: Self {
        var spec = self
        spec.table = PathHint.hint(for: table)
        return spec
    }

    private enum CodingKeys: String, CodingKey {
        case table, label, dropMissingLabels = "drop_missing_labels", trainSizes = "train_sizes", trials, predictors
        case encoding, settings, seed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(table: try c.decodeIfPresent(String.self, forKey: .table) ?? "")
        let d = self
        label = try c.decodeIfPresent(Label.self, forKey: .label)
        dropMissingLabels = try c.decodeIfPresent(Bool.self, forKey: .dropMissingLabels) ?? d.dropMissingLabels
        trainSizes = try c.decodeIfPresent([Int].self, forKey: .trainSizes) ?? d.trainSizes
        trials = try c.decodeIfPresent(Int.self, forKey: .trials) ?? d.trials
        predictors = try c.decodeIfPresent([PredictorKind].self, forKey: .predictors) ?? d.predictors
        encoding = try c.decodeIfPresent(Encoding.self, forKey: .encoding) ?? d.encoding
        settings = try c.decodeIfPresent(PredictorSettings.self, forKey: .settings) ?? d.settings
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
    }

    /// Writes every key, an absent label as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(table, forKey: .table)
        try c.encode(label, forKey: .label)
        try c.encode(dropMissingLabels, forKey: .dropMissingLabels)
        try c.encode(trainSizes, forKey: .trainSizes)
        try c.encode(trials, forKey: .trials)
        try c.encode(predictors, forKey: .predictors)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(settings, forKey: .settings)
        try c.encode(seed, forKey: .seed)
    }

    /// Loads the table and builds the experiment this spec describes.
    public func makeExperiment() throws -> PredictorExperiment {
        guard !table.isEmpty else { throw ExperimentError.badInput("the spec names no table (give --table or \"table\")") }
        guard let label else {
            throw ExperimentError.badInput("the spec names no label column (give --dataset, --split, --metric or \"label\")")
        }
        guard label.seed != .sampled else { throw ExperimentError.badInput("a label seed is mean or a seed number, not sampled") }
        let loaded = try BenchmarkTable.load(table)
        let query = NASOracle.Query(
            dataset: try loaded.dataset(named: label.dataset), split: label.split, metric: label.metric,
            epochs: label.epochs, seed: label.seed)
        let data = try PredictorData(table: loaded, query: query, encoding: encoding, dropMissingLabels: dropMissingLabels)
        return try PredictorExperiment(
            data: data, kinds: predictors, settings: settings, trainSizes: trainSizes, repeats: trials, seed: seed,
            dropMissingLabels: dropMissingLabels, table: loaded, tablePath: table)
    }
}
