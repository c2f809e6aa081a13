/// What `nasbench metad2a generate` does for one dataset: decode from fresh set draws (`z = mu`,
/// sampled decoding) until `count` unique valid NB201 cells or `maxAttempts` decodes, rank them by
/// the meta-predictor averaged over `setDraws` set draws, and keep the first `top` for the summary
/// (the authors' meta-test: 500 cells, 10 draws, top 30).
public struct GenerationSpec: Codable, Sendable, Equatable {
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
        case count, top, setDraws = "set_draws", seed, maxAttempts = "max_attempts", dataset
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
