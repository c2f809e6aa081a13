import Foundation
import NASCore
import NASDatasets
import NASEvaluators
import NASOracle
import NASSpaces

/// Random-weight evaluation of a seeded sample of NB201 cells against the benchmark: each
/// trial is one cell, scored by RWE and the cheap baselines (params, MACs, NASWOT, synflow)
/// once per weight initialisation (``RWESeeds/repeats``), with the benchmark's accuracy beside
/// it. `results.csv` is byte-reproducible; wall-clock seconds go to `timings.csv`.
public struct RWEExperiment: Sendable {
    /// The sampled cells, in trial order.
    public let cells: [NB201Cell]
    /// The benchmark's accuracy of each sampled cell (the ground truth).
    public let truth: [Float]
    public let truthColumn: ColumnKey
    public private(set) var images: EvaluationImages
    public let evaluator: RandomWeightEvaluator
    public let seeds: RWESeeds
    public let trainImages: Int
    public let testImages: Int
    public let tablePath: String
    public let archivePath: String
    /// Cells (the first, in trial order) whose head path is written to ``traceFolder``.
    public var traceCells = 0
    /// The run folder `head-trace/` goes into (set by the command that runs the trials).
    public var traceFolder: String?

    /// The default ground truth: CIFAR-10 test accuracy after 200 epochs.
    public static let defaultTruth = ColumnKey(dataset: .cifar10, split: .test, metric: .accuracy, epochs: 200)

    /// Samples `sample` distinct cells with `seeds.cells` and `trainImages` / `testImages` images
    /// from the archive's training and test parts (subsets drawn with `seeds.data`).
    public init(table: BenchmarkTable, tablePath: String, train: ImageDataset, test: ImageDataset, archivePath: String,
                sample: Int, trainImages: Int, testImages: Int, evaluator: RandomWeightEvaluator, seeds: RWESeeds,
                truth truthColumn: ColumnKey = defaultTruth) throws {
        guard table.space == .nb201 else {
            throw ExperimentError.badInput("rwe needs an nb201 table (\(tablePath) is \(table.space.rawValue))")
        }
        try seeds.validate()
        guard sample > 0, sample <= table.rowCount else {
            throw ExperimentError.badInput("--sample must be in 1...\(table.rowCount) (the table's cells), got \(sample)")
        }
        self.images = try RWEObjective.sampleImages(
            train: train, test: test, trainImages: trainImages, testImages: testImages, seed: seeds.data)
        let column = try table.column(truthColumn)
        var rng = SplitMix64(seed: seeds.cellSample)
        let space = NB201Space()
        var seen = Set<NB201Cell>(), cells: [NB201Cell] = [], truth: [Float] = []
        while cells.count < sample {
            let cell = space.sample(using: &rng)
            guard seen.insert(cell).inserted, let row = table.row(ofRank: cell.rank) else { continue }
            cells.append(cell)
            truth.append(column[row])
        }
        self.cells = cells
        self.truth = truth
        self.truthColumn = truthColumn
        self.evaluator = evaluator
        self.seeds = seeds
        self.trainImages = trainImages
        self.testImages = testImages
        self.tablePath = PathHint.hint(for: tablePath)
        self.archivePath = PathHint.hint(for: archivePath)
    }

    /// A row of `results.csv`: one cell's scores under one weight initialisation (whose seed
    /// `seed` is) beside the benchmark's accuracy. A cell's rows follow its initialisations in order.
    public struct ResultRow: Sendable {
        public var seed: UInt64
        public var cell: NB201Cell
        public var result: RandomWeightEvaluator.Result
        public var truth: Float
    }

    /// The score columns of `results.csv`, each correlated with the truth in the summary.
    public static let scoreColumns = ["rwe_accuracy", "neg_rwe_loss", "params", "macs", "naswot", "synflow_log"]

    public static let resultColumns = CSVColumns<ResultRow>([
        .init("seed") { "\($0.seed)" }, .integer("rank") { $0.cell.rank }, .init("arch") { NB201Space().describe($0.cell) },
        .number("rwe_accuracy") { $0.result.rweAccuracy }, .number("neg_rwe_loss") { -$0.result.rweLoss },
        .integer("params") { $0.result.parameters }, .integer("macs") { $0.result.multiplyAccumulates },
        .number("naswot") { $0.result.naswot }, .number("synflow_log") { $0.result.synflowLog },
        .float("truth") { $0.truth },
        .integer("head_iterations") { $0.result.headIterations },
        .init("head_gradient") { String(format: "%.3e", $0.result.headGradient) },
    ])

    /// `head-trace/trial-T.csv`: the head's objective and gradient at every step, for the first
    /// ``traceCells`` cells (one file a cell, every initialisation in it).
    public static let traceColumns = CSVColumns<(seed: UInt64, step: LBFGS.Step)>([
        .init("seed") { "\($0.seed)" }, .integer("iteration") { $0.step.iteration },
        .init("objective") { String(format: "%.12e", $0.step.objective) },
        .init("gradient") { String(format: "%.6e", $0.step.gradient) },
    ])

    /// `timings.csv`: wall-clock seconds a cell, summed over its weight initialisations (not
    /// reproducible, so apart from the results).
    public static let timingColumns = CSVColumns<RandomWeightEvaluator.Result>([
        .init("rwe_seconds") { String(format: "%.3f", $0.rweSeconds) },
        .init("baseline_seconds") { String(format: "%.3f", $0.baselineSeconds) },
    ])

    /// The run's files: results.csv (one row a cell), timings.csv (seconds a cell).
    public static func files(folder: String) -> RunFiles {
        RunFiles(
            folder: folder, detailName: "results.csv", summaryName: "timings.csv", detailHeader: resultColumns.header,
            summaryHeader: timingColumns.header)
    }

    /// Evaluates cell `trial` under each weight initialisation: one row each, and the seconds of
    /// all of them in one timings row.
    public func runTrial(_ trial: Int) throws -> TrialOutput {
        var rows: [String] = [], trace: [(seed: UInt64, step: LBFGS.Step)] = []
        var seconds: RandomWeightEvaluator.Result?
        let record = trial < traceCells && traceFolder != nil
        for index in 0..<seeds.repeats {
            let weightSeed = seeds.weightSeed(trial: trial, repeat: index)
            var rng = SplitMix64(seed: weightSeed)
            let r = try evaluator.evaluate(cells[trial], images: images, recordHead: record, using: &rng)
            trace += r.headPath.map { (weightSeed, $0) }
            rows.append(Self.resultColumns.line(ResultRow(seed: weightSeed, cell: cells[trial], result: r, truth: truth[trial])))
            if var total = seconds {
                total.rweSeconds += r.rweSeconds
                total.baselineSeconds += r.baselineSeconds
                seconds = total
            } else {
                seconds = r
            }
        }
        if record, let traceFolder {
            // Written before the trial's rows: a run killed in between rewrites the same bytes.
            let folder = (traceFolder as NSString).appendingPathComponent("head-trace")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Self.traceColumns.text(trace).write(toFile: (folder as NSString).appendingPathComponent(String(format: "trial-%05d.csv", trial)),
                           atomically: true, encoding: .utf8)
        }
        return TrialOutput(rows: rows, summary: seconds.map(Self.timingColumns.line) ?? "")
    }

    /// Test hook (`nasbench regress --degrade shuffle-labels`): the training images' labels permuted
    /// (seeded by the data seed), so the head learns nothing and RWE's ranking must fall apart.
    public mutating func shuffleTrainingLabels() {
        var labels = images.trainLabels
        var rng = SplitMix64(seed: TrialSeed.derive(base: seeds.data, trial: 0, stream: 9))
        rng.shuffle(&labels)
        images = images.relabelled(training: labels)
    }

    /// Every setting of the run, for config.json.
    public func config() -> [String: Any] {
        [
            "experiment": "rwe", "schema_version": 1, "table": tablePath, "cifar": archivePath, "seed": seeds.cells,
            "data_seed": seeds.data, "weight_seed": seeds.weights, "weight_seeds": seeds.repeats,
            "sample": cells.count, "images": trainImages, "test_images": testImages,
            "channels": evaluator.channels, "cells_per_stage": evaluator.cellsPerStage,
            "init": evaluator.initScheme.rawValue, "batch_norm": evaluator.batchNorm.rawValue, "batch_size": evaluator.batchSize,
            "naswot_batch": evaluator.naswotBatch, "head_steps": evaluator.head.steps,
            "head_learning_rate": Double(evaluator.head.learningRate), "head_l2": Double(evaluator.head.l2),
            "head_solver": evaluator.head.solver.rawValue, "head_tolerance": evaluator.head.tolerance, "head_trace": traceCells,
            "truth": truthColumn.name,
        ]
    }
}
