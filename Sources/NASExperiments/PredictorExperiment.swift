import Foundation
import NASOracle
import NASPredictors
import NASSpaces

/// Predictors x train sizes x seeded trials on one table, as a `TrialRunner` run: each predictor
/// is fitted on `n` random labelled cells and scored on all the others.
///
/// Runner trial `t` is predictor `k`, train size `s` and repeat `r` with
/// `t = (k * trainSizes.count + s) * repeats + r`. Repeat `r` draws its split with
/// `SplitMix64(TrialSeed.derive(base: seed, trial: r))` (so every predictor sees the same split,
/// and the training sets of one repeat are nested across train sizes), and fits with
/// `SplitMix64(TrialSeed.derive(base: seed, trial: r, stream: kind.streamID))` (so a predictor's
/// results do not depend on which others run). Scores go to `results.csv` (one row per runner
/// trial, byte-reproducible), fit and predict seconds to `timings.csv`.
public struct PredictorExperiment: Sendable {
    /// Version of the files' layout; raised when a column changes meaning.
    public static let schemaVersion = 1

    /// A row of `results.csv`: one fitted predictor's scores on its held-out cells.
    public struct ResultRow: Sendable {
        public var kind: PredictorKind
        public var trainSize: Int
        public var `repeat`: Int
        public var seed: UInt64
        public var testSize: Int
        public var metrics: PredictorMetrics
    }

    /// A row of `timings.csv`: its fit and predict seconds.
    public struct TimingRow: Sendable {
        public var kind: PredictorKind
        public var trainSize: Int
        public var `repeat`: Int
        public var fitSeconds: Double
        public var predictSeconds: Double
    }

    public static let resultColumns = CSVColumns<ResultRow>(
        [
            .init("predictor") { $0.kind.rawValue }, .integer("train_size") { $0.trainSize }, .integer("repeat") { $0.repeat },
            .init("seed") { "\($0.seed)" }, .integer("test_size") { $0.testSize },
        ] + PredictorMetrics.columns.pulled { $0.metrics })

    public static let timingColumns = CSVColumns<TimingRow>([
        .init("predictor") { $0.kind.rawValue }, .integer("train_size") { $0.trainSize }, .integer("repeat") { $0.repeat },
        .number("fit_s") { $0.fitSeconds }, .number("predict_s") { $0.predictSeconds },
    ])

    public let data: PredictorData
    public let kinds: [PredictorKind]
    public let settings: PredictorSettings
    public let trainSizes: [Int]
    /// Trials per predictor and train size.
    public let repeats: Int
    public let seed: UInt64
    /// Whether rows with a missing label were dropped on request.
    public let dropMissingLabels: Bool
    /// The table's absolute path, SHA-256 and metadata.
    public let tablePath: String
    public let tableSHA256: String
    public let tableMetadata: TableMetadata
    public let tableRows: Int
    /// A test hook for regression suites: when set, every trial fits on its training labels
    /// shuffled (so the predictor learns nothing), which a suite must report as a regression.
    public var shufflesTrainingLabels = false

    /// Checks the plan against the data.
    ///
    /// - Throws: ``ExperimentError/badInput(_:)`` for no predictors or train sizes, a repeated
    ///   predictor or size, a size below 1, or one that leaves fewer than 2 held-out cells.
    public init(
        data: PredictorData, kinds: [PredictorKind], settings: PredictorSettings, trainSizes: [Int], repeats: Int,
        seed: UInt64, dropMissingLabels: Bool, table: BenchmarkTable, tablePath: String
    ) throws {
        guard !kinds.isEmpty else { throw ExperimentError.badInput("give at least one predictor") }
        guard !trainSizes.isEmpty else { throw ExperimentError.badInput("give at least one train size") }
        guard repeats > 0 else { throw ExperimentError.badInput("--trials must be positive") }
        guard Set(trainSizes).count == trainSizes.count else {
            throw ExperimentError.badInput("a train size is listed twice: \(trainSizes.map(String.init).joined(separator: ","))")
        }
        for size in trainSizes where size < 1 || size > data.count - 2 {
            let labelled = data.droppedRows > 0 ? "\(data.count) cells with a label in \(data.column.name)" : "\(data.count) cells of the table"
            throw ExperimentError.badInput(
                "train size \(size) does not fit the \(labelled): use 1...\(max(1, data.count - 2)) (at least 2 cells are held out for scoring)")
        }
        self.data = data
        self.kinds = kinds
        // The GCN reads graphs of the data's space (NB201: 8 nodes, 7 op classes, the defaults).
        var settings = settings
        (settings.gcn.nodeCount, settings.gcn.opClassCount) = data.graphShape
        self.settings = settings
        self.trainSizes = trainSizes
        self.repeats = repeats
        self.seed = seed
        self.dropMissingLabels = dropMissingLabels
        self.tablePath = PathHint.hint(for: tablePath)
        self.tableSHA256 = try SHA256Digest.hex(ofFile: tablePath)
        self.tableMetadata = table.metadata
        self.tableRows = table.rowCount
    }

    /// The files of a predictor run in `folder`: `timings.csv` (detail) and `results.csv` (one row a trial).
    public static func files(folder: String) -> RunFiles {
        RunFiles(
            folder: folder, detailName: "timings.csv", summaryName: "results.csv", detailHeader: timingColumns.header,
            summaryHeader: resultColumns.header)
    }

    /// Runner trials: predictors x train sizes x repeats.
    public var totalTrials: Int { kinds.count * trainSizes.count * repeats }

    /// The predictor, train size and repeat of runner trial `t`.
    public func coordinates(_ t: Int) -> (kind: PredictorKind, trainSize: Int, repeat: Int) {
        let perKind = trainSizes.count * repeats
        return (kinds[t / perKind], trainSizes[(t % perKind) / repeats], t % repeats)
    }

    /// The split seed of repeat `r` (shared by every predictor and train size).
    public func trialSeed(_ r: Int) -> UInt64 { TrialSeed.derive(base: seed, trial: r) }

    /// Fits and scores runner trial `t` and renders its rows.
    public func runTrial(_ t: Int) throws -> TrialOutput {
        let (kind, size, r) = coordinates(t)
        var splitGenerator = SplitMix64(seed: trialSeed(r))
        let split = try TrainTestSplit(count: data.count, trainSize: size, using: &splitGenerator)
        let train = data.features.rows(split.train), test = data.features.rows(split.test)
        var model = kind.makePredictor(settings)
        var fitGenerator = SplitMix64(seed: TrialSeed.derive(base: seed, trial: r, stream: kind.streamID))
        let clock = ContinuousClock()
        let start = clock.now
        var trainLabels = split.train.map { data.labels[$0] }
        if shufflesTrainingLabels {
            var shuffleGenerator = SplitMix64(seed: TrialSeed.derive(base: seed, trial: r, stream: 0xBAD))
            shuffleGenerator.shuffle(&trainLabels)
        }
        try model.fit(train, labels: trainLabels, using: &fitGenerator)
        let fitted = clock.now
        let predictions = try model.predict(test)
        let predicted = clock.now
        let metrics = try PredictorMetrics(
            predicted: predictions, actual: split.test.map { data.labels[$0] }, higherIsBetter: data.higherIsBetter)
        let result = ResultRow(
            kind: kind, trainSize: size, repeat: r, seed: trialSeed(r), testSize: split.test.count, metrics: metrics)
        let timing = TimingRow(
            kind: kind, trainSize: size, repeat: r, fitSeconds: Self.seconds(fitted - start),
            predictSeconds: Self.seconds(predicted - fitted))
        return TrialOutput(rows: [Self.timingColumns.line(timing)], summary: Self.resultColumns.line(result))
    }

    /// A duration in seconds, rounded to microseconds.
    static func seconds(_ duration: Duration) -> Double {
        let microseconds = Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds / 1_000_000_000_000)
        return microseconds.rounded() / 1e6
    }
}
