/// What `nasbench metad2a generate` does for one dataset: decode from fresh set draws (`z = mu`,
/// sampled decoding) until `count` unique valid NB201 cells or `maxAttempts` decodes, rank them by
/// the meta-predictor averaged over `setDraws` set draws, and keep the first `top` for the summary
/// (the authors' meta-test: 500 cells, 10 draws, top 30).
public struct GenerationSpec: Codable, Sendable, Equatable {
    /// Where the cells come from: the generator (MetaD2A), or uniform random NB201 cells (the
    /// baseline "the predictor ranking random cells").
    public enum Cells: String, Codable, Sendable, CaseIterable { case generator, random }
    /// How the cells are ordered for the top `top`: by the meta-predictor (MetaD2A), or as they
    /// came (the baseline "the generator alone"; with random cells, random best-of-`top`).
    public enum Ranking: String, Codable, Sendable, CaseIterable { case predictor, none }

    public var cells = Cells.generator
    public var ranking = Ranking.predictor
    /// The dataset-blind control: the generator's `z` and the predictor's dataset embedding are the
    /// means over the meta-training tasks (one set draw each) instead of the dataset's, so nothing
    /// about the dataset reaches the cells or their ranking.
    public var datasetBlind = false
    public var count = 500
    public var top = 30
    public var setDraws = 10
    public var seed: UInt64 = 0
    /// Decodes allowed before giving up on `count` (0: 100 per requested cell).
    public var maxAttempts = 0
    /// The table column scored when a table is given: `DATASET.test.accuracy.e200`, seed mean.
    public var dataset = "cifar10"

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case cells, ranking, datasetBlind = "dataset_blind", count, top, setDraws = "set_draws", seed, maxAttempts = "max_attempts", dataset
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self), d = GenerationSpec()
        cells = try c.decodeIfPresent(Cells.self, forKey: .cells) ?? d.cells
        ranking = try c.decodeIfPresent(Ranking.self, forKey: .ranking) ?? d.ranking
        datasetBlind = try c.decodeIfPresent(Bool.self, forKey: .datasetBlind) ?? d.datasetBlind
        count = try c.decodeIfPresent(Int.self, forKey: .count) ?? d.count
        top = try c.decodeIfPresent(Int.self, forKey: .top) ?? d.top
        setDraws = try c.decodeIfPresent(Int.self, forKey: .setDraws) ?? d.setDraws
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        maxAttempts = try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? d.maxAttempts
        dataset = try c.decodeIfPresent(String.self, forKey: .dataset) ?? d.dataset
    }

    /// The decode cap actually used.
    public var attempts: Int { maxAttempts > 0 ? maxAttempts : 100 * count }

    /// Rejects specs no run can do, in one line.
    public func validate() throws {
        guard (1...15_625).contains(count) else { throw ExperimentError.badInput("--count must be in 1...15625, got \(count)") }
        guard top >= 1 else { throw ExperimentError.badInput("--top must be at least 1, got \(top)") }
        guard setDraws >= 1 else { throw ExperimentError.badInput("--set-draws must be at least 1, got \(setDraws)") }
        guard maxAttempts >= 0 else { throw ExperimentError.badInput("--max-attempts must not be negative, got \(maxAttempts)") }
    }
}
