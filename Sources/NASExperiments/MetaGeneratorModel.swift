import Foundation
import NASCore
import NASMetaD2A

/// A trained generator on disk: `generator.json` (sizes, the set size it was trained with, and
/// the cells it was trained on, for novelty) beside `generator.h5` (weights, the engine's
/// module-state format), both in a `train-generator` run folder.
public struct MetaGeneratorModel: Codable, Sendable, Equatable {
    public static let weightsFile = "generator.h5"
    public static let descriptionFile = "generator.json"

    public var configuration: GeneratorConfiguration
    public var numSample: Int
    /// The NB201 cells of the training pairs, sorted, without repeats.
    public var trainingCells: [String]

    private enum CodingKeys: String, CodingKey { case configuration, numSample = "num_sample", trainingCells = "training_cells" }

    public init(configuration: GeneratorConfiguration, numSample: Int, trainingCells: [String]) {
        self.configuration = configuration
        self.numSample = numSample
        self.trainingCells = trainingCells
    }

    /// The generator at `path`: a run folder, or its `generator.h5` (the description read beside it).
    public static func load(_ path: String) throws -> (model: MetaGeneratorModel, generator: GraphGenerator) {
        try ModelFiles.load(path, description: descriptionFile, weights: weightsFile, what: "--generator") { (model: MetaGeneratorModel) in
            var rng = SplitMix64(seed: 0)
            return GraphGenerator(configuration: model.configuration, using: &rng)
        }
    }
}
