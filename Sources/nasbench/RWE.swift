import ArgumentParser
import Foundation
import NASExperiments

struct RWE: SpecCommand {
    static let configuration = CommandConfiguration(
        commandName: "rwe",
        abstract: "Random-weight evaluation (train only the last layer) of sampled NB201 cells on real CIFAR-10.",
        discussion: """
            For a seeded sample of cells, builds the NB201 network at --channels/--cells with random weights, \
            extracts pooled features of --images training images, fits the linear head by softmax regression and \
            scores held-out accuracy on --test-images test images; beside it params, MACs, NASWOT and synflow. \
            --weight-seeds K scores each cell under K weight initialisations. --head-solver lbfgs fits the head to \
            its optimum (--head-tolerance); results.csv reports each head's iterations and final gradient, and \
            --head-trace N writes the first N cells' head paths to head-trace/. \
            Writes results.csv (one row a cell and initialisation, byte-reproducible), timings.csv, config.json (with the resolved \
            spec, which --spec RUN/config.json re-runs) and summary.csv (Kendall tau and Spearman of each score \
            against cifar10.test.accuracy.e200, on each cell's mean). See docs/RWE.md and docs/RESULTS.md.
            """)

    @OptionGroup(title: "Spec (RWESpec's keys: docs/RWE.md)")
    var specOptions: SpecOptions

    @Option(help: "A nasbench HDF5 table of the nb201 space.")
    var table: String?

    @Option(help: "Cells to evaluate (distinct, seeded; default \(RWESpec(table: "").sample)).")
    var sample: Int?

    @Option(help: "The benchmark column the scores are ranked against (default \(RWEExperiment.defaultTruth.name)).")
    var truth: String?

    @OptionGroup(title: "Random-weight evaluation")
    var rwe: RWEOptions

    @Option(help: "Seed of the training and test image subsets (default: --seed).")
    var dataSeed: UInt64?

    @Option(help: "Base seed of every cell's random weights (default: --seed).")
    var weightSeed: UInt64?

    @Option(help: "Independent weight initialisations per cell: one results row each, the summary ranks their mean (default 1).")
    var weightSeeds: Int?

    @Option(help: "Write the head's objective and gradient at every step for the first N cells to head-trace/ (default 0).")
    var headTrace: Int?

    @OptionGroup(title: "Run (--seed draws the cell sample, and the images and weights unless --data-seed / --weight-seed say otherwise)")
    var runOptions: RunOptions

    func validate() throws {
        if let weightSeeds, weightSeeds < 1 { throw ValidationError("--weight-seeds must be at least 1, got \(weightSeeds)") }
        if !specOptions.printSpec { _ = try runOptions.folder() }
        if specOptions.spec == nil {
            if table == nil { throw ValidationError("Missing expected argument '--table <table>'") }
            if rwe.cifar == nil { throw ValidationError("Missing expected argument '--cifar <cifar>'") }
        }
    }

    func resolvedSpec() throws -> RWESpec {
        var resolved = try specOptions.base(RWESpec(table: ""))
        if let table { resolved.table = table }
        if let sample { resolved.sample = sample }
        if let truth { resolved.truth = truth }
        if let seed = runOptions.seed { resolved.seed = seed }
        if let dataSeed { resolved.dataSeed = dataSeed }
        if let weightSeed { resolved.weightSeed = weightSeed }
        if let weightSeeds { resolved.weightSeeds = weightSeeds }
        if let headTrace { resolved.headTrace = headTrace }
        rwe.apply(to: &resolved.rwe)
        return resolved
    }

    func run(_ spec: RWESpec) throws {
        var configured = try spec.makeExperiment()
        configured.traceFolder = try runOptions.folder()
        let experiment = configured
        try runOptions.execute(
            spec: spec, files: RWEExperiment.files(folder: try runOptions.folder()), config: experiment.config(),
            trials: experiment.cells.count, defaultJobs: 1, progressLabel: "cells", trial: { try experiment.runTrial($0) },
            summarize: { try Summarize.summarize(try runOptions.folder()) })
    }
}
