/// The hyperparameters of every ``StrategyKind``, `Codable`: the one place their defaults live
/// (each with its source), what a spec file sets and what the CLI's options override. Keys are the
/// kinds' names; an absent key keeps its defaults.
public struct StrategySettings: Hashable, Sendable, Codable {
    /// `evolution`: ``RegularizedEvolution``.
    public var evolution = EvolutionSettings()
    /// `local`: ``LocalSearch``.
    public var local = LocalSearchSettings()
    /// `weaknas`: ``WeakNAS``.
    public var weaknas = WeakNASSettings()

    /// Every strategy with its defaults.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        evolution = try container.decodeIfPresent(EvolutionSettings.self, forKey: .evolution) ?? EvolutionSettings()
        local = try container.decodeIfPresent(LocalSearchSettings.self, forKey: .local) ?? LocalSearchSettings()
        weaknas = try container.decodeIfPresent(WeakNASSettings.self, forKey: .weaknas) ?? WeakNASSettings()
    }
}

/// ``RegularizedEvolution``'s hyperparameters. Defaults: NASLib's for NB201
/// (`naslib/defaults/nb201_defaults.yaml`: `population_size: 30`, `sample_size: 10`).
public struct EvolutionSettings: Hashable, Sendable, Codable {
    /// Population size P.
    public var populationSize = 30
    /// Tournament sample size S.
    public var sampleSize = 10

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case populationSize = "population_size", sampleSize = "sample_size"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Self()
        populationSize = try container.decodeIfPresent(Int.self, forKey: .populationSize) ?? defaults.populationSize
        sampleSize = try container.decodeIfPresent(Int.self, forKey: .sampleSize) ?? defaults.sampleSize
    }
}

/// ``LocalSearch``'s hyperparameters. Default: NASLib's for NB201 (`num_init: 10`).
public struct LocalSearchSettings: Hashable, Sendable, Codable {
    /// Random cells before the first climb.
    public var initialSamples = 10

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case initialSamples = "initial_samples"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        initialSamples = try container.decodeIfPresent(Int.self, forKey: .initialSamples) ?? Self().initialSamples
    }
}
