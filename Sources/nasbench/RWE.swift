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

    @OptionGroup var rwe: RWEOptions

    @Option(help: "Images in the NASWOT minibatch.")
    var naswotBatch = 64

    @Option(help: "The benchmark column the scores are ranked against.")
    var truth = RWEExperiment.defaultTruth.name

    @OptionGroup(title: "Run (the sample, the image subsets and each cell's weights derive from --seed)")
    var runOptions: RunOptions

    func run() throws {
        var evaluator = try rwe.evaluator()
        evaluator.naswotBatch = naswotBatch
        let loaded = try BenchmarkTable.load(table)
        let train = try CIFAR10.load(archive: cifar, part: .train)
        let test = try CIFAR10.load(archive: cifar, part: .test)
        let experiment = try RWEExperiment(
            table: loaded, tablePath: table, train: train, test: test, archivePath: cifar, sample: sample,
            trainImages: rwe.images, testImages: rwe.testImages, evaluator: evaluator, seed: runOptions.seed ?? 0,
            truth: try ColumnKey(name: truth))
        try runOptions.execute(
            files: RWEExperiment.files(folder: runOptions.out), config: experiment.config(), trials: sample, defaultJobs: 1,
            progressLabel: "cells", trial: { try experiment.runTrial($0) }, summarize: { try Summarize.summarize(runOptions.out) })
    }
}
