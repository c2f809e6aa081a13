import NASOracle

/// Everything that decides a random-weight evaluation run's results (`nasbench rwe`), as one
/// `Codable` value: a spec file's keys, what the CLI fills from its flags, and the `spec` entry of
/// the run's `config.json`. Absent keys keep the defaults below; unknown keys are an error.
public struct RWESpec: ExperimentSpec, Sendable {
    /// The NB201 benchmark table (HDF5) the cells are sampled from and judged by.
    public var table: String
    /// Cells to evaluate (distinct, seeded).
    public var sample = 200
    /// The benchmark column the scores are ranked against.
    public var truth = RWEExperiment.defaultTruth.name
    /// Seed of the cell sample; also of the image subsets and the weights unless ``dataSeed`` or
    /// ``weightSeed`` is given.
    public var seed: UInt64 = 0
    /// Seed of the training and test image subsets (`data_seed`; absent: ``seed``).
    public var dataSeed: UInt64?
    /// Base seed of every cell's random weights (`weight_seed`; absent: ``seed``).
    public var weightSeed: UInt64?
    /// Independent weight initialisations per cell (`weight_seeds`): one results row each, the
    /// summary ranks their mean. 1 is the protocol before repeats existed, byte for byte.
    public var weightSeeds = 1
    /// Cells (the first ones) whose head optimisation path goes to `head-trace/` (`head_trace`):
    /// the objective and gradient at every step, to see that the head converged.
    public var headTrace = 0
    /// The archive, image counts and evaluator settings.
    public var rwe = RWESetup()

    public init(table: String) {
        self.table = table
    }

    public static let experiment = "rwe"

    public var hinted: Self {
        var spec = self
        spec.table = PathHint.hint(for: table)
        spec.rwe = rwe.hinted
        return spec
    }

    private enum CodingKeys: String, CodingKey {
        case table, sample, truth, seed, dataSeed = "data_seed", weightSeed = "weight_seed", weightSeeds = "weight_seeds", rwe
        case headTrace = "head_trace"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(table: try c.decodeIfPresent(String.self, forKey: .table) ?? "")
        sample = try c.decodeIfPresent(Int.self, forKey: .sample) ?? sample
        truth = try c.decodeIfPresent(String.self, forKey: .truth) ?? truth
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
        dataSeed = try c.decodeIfPresent(UInt64.self, forKey: .dataSeed)
        weightSeed = try c.decodeIfPresent(UInt64.self, forKey: .weightSeed)
        weightSeeds = try c.decodeIfPresent(Int.self, forKey: .weightSeeds) ?? weightSeeds
        headTrace = try c.decodeIfPresent(Int.self, forKey: .headTrace) ?? headTrace
        rwe = try c.decodeIfPresent(RWESetup.self, forKey: .rwe) ?? rwe
    }

    /// Every key written; the data and weight seeds as resolved, so a recorded spec re-runs alike
    /// whatever `--seed` later says.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(table, forKey: .table)
        try c.encode(sample, forKey: .sample)
        try c.encode(truth, forKey: .truth)
        try c.encode(seed, forKey: .seed)
        try c.encode(dataSeed ?? seed, forKey: .dataSeed)
        try c.encode(weightSeed ?? seed, forKey: .weightSeed)
        try c.encode(weightSeeds, forKey: .weightSeeds)
        try c.encode(headTrace, forKey: .headTrace)
        try c.encode(rwe, forKey: .rwe)
    }

    /// Loads the table and the archive and builds the experiment this spec describes.
    public func makeExperiment() throws -> RWEExperiment {
        let seeds = RWESeeds(cells: seed, data: dataSeed ?? seed, weights: weightSeed ?? seed, repeats: weightSeeds)
        try seeds.validate()
        guard headTrace >= 0 else { throw ExperimentError.badInput("--head-trace (head_trace) must be at least 0, got \(headTrace)") }
        guard !table.isEmpty else { throw ExperimentError.badInput("the spec names no table (give --table or \"table\")") }
        let loaded = try BenchmarkTable.load(table)
        let (train, test) = try rwe.loadArchive()
        var experiment = try RWEExperiment(
            table: loaded, tablePath: table, train: train, test: test, archivePath: rwe.cifar, sample: sample,
            trainImages: rwe.images, testImages: rwe.testImages, evaluator: rwe.evaluator,
            seeds: seeds,
            truth: try ColumnKey(name: truth))
        experiment.traceCells = headTrace
        return experiment
    }
}
