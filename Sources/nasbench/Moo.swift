import ArgumentParser
import Foundation
import NASDatasets
import NASExperiments
import NASOracle

struct Moo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moo",
        abstract: "NSGA-II on NB201: accuracy (a table column or random-weight evaluation) against a cost.",
        discussion: """
            Maximises --accuracy (a seed-mean table column, or `rwe`: random-weight evaluation on real CIFAR-10, \
            each distinct cell evaluated once) and minimises --cost (a table column such as cifar10.none.params_m or \
            cifar100.none.latency_ms.@pi5-onnx, or `flops`: NB201's multiply-accumulates in closed form). Prints the \
            final Pareto front with the oracle's --truth accuracy, and compares hypervolumes: this search, NSGA-II on \
            --truth itself (the upper bound) and random search with as many distinct cells. Hypervolume is taken on \
            the oracle's objectives scaled to [0, 1] over the whole table (best 0, worst 1), reference point (1, 1). \
            --out writes front.csv, comparison.csv and config.json (byte-reproducible for a seed). See docs/RESULTS.md.
            """)

    @Option(help: "A nasbench HDF5 table of the nb201 space.")
    var table: String

    @Option(help: "Accuracy to maximise: a table column, or rwe (needs --cifar).")
    var accuracy = "cifar10-valid.valid.accuracy.e200"

    @Option(help: "The oracle's accuracy column the front is judged by (default: --accuracy, or cifar10.test.accuracy.e200 for rwe).")
    var truth: String?

    @Option(help: "Cost to minimise: a table column (e.g. cifar10.none.params_m, a latency_ms column) or flops.")
    var cost = "cifar10.none.params_m"

    @Option(help: "Population size.")
    var population = 50

    @Option(help: "Generations.")
    var generations = 20

    @Option(help: "Seed (the search, random search, and for rwe the images and each cell's weights).")
    var seed: UInt64 = 0

    @Option(help: "rwe: CIFAR-10 binary archive (cifar-10-binary.tar.gz layout).")
    var cifar: String?

    @OptionGroup(title: "Random-weight evaluation (with --accuracy rwe)") var rwe: RWEOptions

    @Option(help: "Output folder for front.csv, comparison.csv, config.json (optional).")
    var out: String?

    func run() throws {
        let loaded = try BenchmarkTable.load(table)
        let objective: MooAccuracy
        var config: [String: Any] = ["table": table]
        if accuracy == "rwe" {
            guard let cifar else { throw ValidationError("--accuracy rwe needs --cifar (a CIFAR-10 binary archive)") }
            let images = try RWEObjective.sampleImages(
                train: try CIFAR10.load(archive: cifar, part: .train), test: try CIFAR10.load(archive: cifar, part: .test),
                trainImages: rwe.images, testImages: rwe.testImages, seed: seed)
            let evaluator = try rwe.evaluator()
            objective = .rwe(RWEObjective(evaluator: evaluator, images: images, seed: seed))
            config.merge([
                "cifar": cifar, "images": rwe.images, "test_images": rwe.testImages, "channels": evaluator.channels,
                "cells_per_stage": evaluator.cellsPerStage, "init": evaluator.initScheme.rawValue,
                "batch_norm": evaluator.batchNorm.rawValue, "head_steps": evaluator.head.steps,
            ]) { $1 }
        } else {
            objective = .column(try ColumnKey(name: accuracy))
        }
        let truthKey = try truth.map(ColumnKey.init(name:))
            ?? (accuracy == "rwe" ? RWEExperiment.defaultTruth : try ColumnKey(name: accuracy))
        let experiment = try MooExperiment(
            table: loaded, truth: truthKey, cost: try MooCost(parsing: cost), populationSize: population,
            generations: generations, seed: seed)
        var report = try experiment.run(accuracy: objective)
        report.config.merge(config) { $1 }
        if let out { try report.write(to: out) }
        print(report.text, terminator: "")
    }
}
