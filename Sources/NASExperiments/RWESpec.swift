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
    /// Base seed: the sample, the image subsets and each cell's weights derive from it.
    public var seed: UInt64 = 0
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

    private enum CodingKeys: String, CodingKey { case table, sample, truth, seed, rwe }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(table: try c.decodeIfPresent(String.self, forKey: .table) ?? "")
        sample = try c.decodeIfPresent(Int.self, forKey: .sample) ?? sample
        truth = try c.decodeIfPresent(String.self, forKey: .truth) ?? truth
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? seed
        rwe = try c.decodeIfPresent(RWESetup.self, forKey: .rwe) ?? rwe
    }

    /// Loads the table and the archive and builds the experiment this spec describes.
    public func makeExperiment() throws -> RWEExperiment {
        guard !table.isEmpty else { throw ExperimentError.badInput("the spec names no table (give --table or \"table\")") }
        let loaded = try BenchmarkTable.load(table)
        let (train, test) = try rwe.loadArchive()
        return try RWEExperiment(
            table: loaded, tablePath: table, train: train, test: test, archivePath: rwe.cifar, sample: sample,
            trainImages: rwe.images, testImages: rwe.testImages, evaluator: rwe.evaluator, seed: seed,
            truth: try ColumnKey(name: truth))
    }
}
