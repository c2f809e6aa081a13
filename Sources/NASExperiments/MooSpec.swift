import NASOracle

/// Everything that decides a `nasbench moo` run's results, as one `Codable` value: a spec file's
/// keys, what the CLI fills from its flags, and the `spec` entry of the run's `config.json`.
/// Absent keys keep the defaults below; unknown keys are an error.
public struct MooSpec: ExperimentSpec, Sendable {
    /// The NB201 benchmark table (HDF5).
    public var table: String
    /// The accuracy maximised: a table column, or `rwe` (random-weight evaluation; needs `rwe.cifar`).
    public var accuracy = "cifar10-valid.valid.accuracy.e200"
    /// The oracle's accuracy column the front is judged by (default: `accuracy`, or
    /// cifar10.test.accuracy.e200 for rwe).
    public var truth: String?
    /// The cost minimised: a table column (e.g. cifar10.none.params_m, a latency_ms column) or `flops`.
    public var cost = "cifar10.none.params_m"
    /// NSGA-II's population size.
    public var population = 50
    /// NSGA-II's generations.
    public var generations = 20
    /// Seed of the search, the random-search comparison and, for rwe, the images and each cell's weights.
    public var seed: UInt64 = 0
    /// Random-weight evaluation's archive, images and settings (used with `accuracy: rwe`).
    public var rwe = RWESetup()

    public init(table: String) {
        self.table = table
    }

    public static let experiment = "moo"

    public var hinted: Self {
        var spec = self
        spec.table = PathHint.hint(for: table)
        spec.rwe = rwe.hinted
        return spec
    }

    private enum CodingKeys: String, CodingKey { case table, accuracy, truth, cost, population, generations, seed, rwe }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(table: try c.decodeIfPresent(String.self, forKey: .table) ?? "")
        accuracy = try c.decodeIfPresent(String.self, forKey: .accuracy) ?? accuracy
        truth = try c.decodeIfPresent(String.self, forKey: .truth)
        cost = try c.decodeIfPresent(String.self, forKey: .cost) ?? cost
        population = try c.decodeIfPresent(Int.self, forKey: .population) ?? population
        generations = try c.decodeIfPresent(Int.self, forKey: .generations) ?? generations
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
        rwe = try c.decodeIfPresent(RWESetup.self, forKey: .rwe) ?? rwe
    }

    /// Writes every key, an absent truth as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(table, forKey: .table)
        try c.encode(accuracy, forKey: .accuracy)
        try c.encode(truth, forKey: .truth)
        try c.encode(cost, forKey: .cost)
        try c.encode(population, forKey: .population)
        try c.encode(generations, forKey: .generations)
        try c.encode(seed, forKey: .seed)
        try c.encode(rwe, forKey: .rwe)
    }

    /// Loads the table (and for rwe the archive), runs the search and its comparisons, and returns
    /// the report, whose configuration records this spec. With `folder`, RWE scores are journaled
    /// there as they are computed, and those a killed run journaled are not computed again.
    public func run(in folder: MooRunFolder? = nil) throws -> MooReport {
        guard !table.isEmpty else { throw ExperimentError.badInput("the spec names no table (give --table or \"table\")") }
        let loaded = try BenchmarkTable.load(table)
        let objective: MooAccuracy
        var config: [String: Any] = ["table": PathHint.hint(for: table)]
        if accuracy == "rwe" {
            let (train, test) = try rwe.loadArchive()
            let images = try RWEObjective.sampleImages(
                train: train, test: test, trainImages: rwe.images, testImages: rwe.testImages, seed: seed)
            let rweObjective = RWEObjective(evaluator: rwe.evaluator, images: images, seed: seed)
            rweObjective.folder = folder
            objective = .rwe(rweObjective)
            let e = rwe.evaluator
            config.merge([
                "cifar": PathHint.hint(for: rwe.cifar), "images": rwe.images, "test_images": rwe.testImages,
                "channels": e.channels, "cells_per_stage": e.cellsPerStage, "init": e.initScheme.rawValue,
                "batch_norm": e.batchNorm.rawValue, "head_steps": e.head.steps,
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
        report.config = try recorded(in: report.config.merging(config) { $1 })
        return report
    }
}
