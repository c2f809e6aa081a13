import ArgumentParser
import Foundation
import NASExperiments

struct Moo: SpecCommand {
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
            --out writes front.csv, comparison.csv and config.json (byte-reproducible for a seed; with the resolved \
            spec, which --spec RUN/config.json re-runs). See docs/RESULTS.md.
            """)

    private static let defaults = MooSpec(table: "")

    @OptionGroup(title: "Spec (MooSpec's keys: docs/RESULTS.md)")
    var specOptions: SpecOptions

    @Option(help: "A nasbench HDF5 table of the nb201 space.")
    var table: String?

    @Option(help: "Accuracy to maximise: a table column, or rwe (needs --cifar) (default \(defaults.accuracy)).")
    var accuracy: String?

    @Option(help: "The oracle's accuracy column the front is judged by (default: --accuracy, or cifar10.test.accuracy.e200 for rwe).")
    var truth: String?

    @Option(help: "Cost to minimise: a table column (e.g. cifar10.none.params_m, a latency_ms column) or flops (default \(defaults.cost)).")
    var cost: String?

    @Option(help: "Population size (default \(defaults.population)).")
    var population: Int?

    @Option(help: "Generations (default \(defaults.generations)).")
    var generations: Int?

    @Option(help: "Seed (the search, random search, and for rwe the images and each cell's weights; default 0).")
    var seed: UInt64?

    @OptionGroup(title: "Random-weight evaluation (with --accuracy rwe)")
    var rwe: RWEOptions

    @Option(help: "Output folder for front.csv, comparison.csv, config.json (optional; with rwe, each cell's score is journaled there as it is computed).")
    var out: String?

    @Flag(help: "Continue the run in --out: cells whose RWE score was journaled are not evaluated again; the results are those of an uninterrupted run.")
    var resume = false

    func validate() throws {
        if specOptions.spec == nil, table == nil { throw ValidationError("Missing expected argument '--table <table>'") }
        if resume, out == nil { throw ValidationError("--resume needs the --out folder of the run to continue") }
    }

    func resolvedSpec() throws -> MooSpec {
        var resolved = try specOptions.base(Self.defaults)
        if let table { resolved.table = table }
        if let accuracy { resolved.accuracy = accuracy }
        if let truth { resolved.truth = truth }
        if let cost { resolved.cost = cost }
        if let population { resolved.population = population }
        if let generations { resolved.generations = generations }
        if let seed { resolved.seed = seed }
        rwe.apply(to: &resolved.rwe)
        return resolved
    }

    func run(_ spec: MooSpec) throws {
        let folder = try out.map { try MooRunFolder(path: $0, spec: spec, resume: resume) }
        let report = try spec.run(in: folder)
        if let out { try report.write(to: out) }
        print(report.text, terminator: "")
    }
}
