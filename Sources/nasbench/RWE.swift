import ArgumentParser
import Foundation
import NASDatasets
import NASEvaluators
import NASExperiments
import NASOracle

struct RWE: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rwe",
        abstract: "Random-weight evaluation (train only the last layer) of sampled NB201 cells on real CIFAR-10.",
        discussion: """
            For a seeded sample of cells, builds the NB201 network at --channels/--cells with random weights, \
            extracts pooled features of --images training images, fits the linear head by softmax regression and \
            scores held-out accuracy on --test-images test images; beside it params, MACs, NASWOT and synflow. \
            Writes results.csv (one row a cell, byte-reproducible), timings.csv, config.json and summary.csv \
            (Kendall tau and Spearman of each score against cifar10.test.accuracy.e200). See docs/RESULTS.md.
            """)

    @Option(help: "A nasbench HDF5 table of the nb201 space.")
    var table: String

    @Option(help: "CIFAR-10 binary archive (cifar-10-binary.tar.gz layout).")
    var cifar: String

    @Option(help: "Cells to evaluate (distinct, seeded).")
    var sample = 200

    @Option(help: "Base seed: the sample, the image subsets and each cell's weights derive from it.")
    var seed: UInt64 = 0

    @OptionGroup var rwe: RWEOptions

    @Option(help: "Images in the NASWOT minibatch.")
    var naswotBatch = 64

    @Option(help: "The benchmark column the scores are ranked against.")
    var truth = RWEExperiment.defaultTruth.name

    @Option(help: "Run only shard i/n of the cells (then `nasbench merge`).")
    var shard: String?

    @Option(help: "Worker threads (each evaluates one cell).")
    var jobs = 1

    @Option(help: "Output folder.")
    var out: String

    @Flag(help: "Continue the run in --out where it stopped.")
    var resume = false

    func run() throws {
        let shard = try shard.map(Shard.init(parsing:)) ?? .all
        var evaluator = try rwe.evaluator()
        evaluator.naswotBatch = naswotBatch
        let loaded = try BenchmarkTable.load(table)
        let train = try CIFAR10.load(archive: cifar, part: .train)
        let test = try CIFAR10.load(archive: cifar, part: .test)
        let experiment = try RWEExperiment(
            table: loaded, tablePath: table, train: train, test: test, archivePath: cifar, sample: sample,
            trainImages: rwe.images, testImages: rwe.testImages, evaluator: evaluator, seed: seed,
            truth: try ColumnKey(name: truth))
        let runner = try TrialRunner(
            files: RWEExperiment.files(folder: out), config: experiment.config(), trials: sample, shard: shard,
            jobs: jobs, resume: resume)
        runner.progressLabel = "cells"
        try runner.run { try experiment.runTrial($0) }
        guard shard.count == 1 else {
            print("shard \(shard) done; when every shard is, run: nasbench merge \(out)")
            return
        }
        let summary = try RWESummaryTable(folder: out)
        try summary.write(to: out)
        print(summary.text, terminator: "")
    }
}
