import Foundation
import NASCore
import NASMetaD2A
import NASTensorState

/// A trained meta-predictor on disk: `predictor.json` (this description: the sizes, the label
/// scaling and the set size it was trained with) beside `predictor.h5` (its weights, the engine's
/// module-state format), both in a `train-predictor` run folder.
public struct MetaPredictorModel: Codable, Sendable, Equatable {
    public static let weightsFile = "predictor.h5"
    public static let descriptionFile = "predictor.json"

    public var configuration: MetaPredictorConfiguration
    public var scaling: AccuracyScaling
    public var numSample: Int

    private enum CodingKeys: String, CodingKey { case configuration, scaling, numSample = "num_sample" }

    public init(configuration: MetaPredictorConfiguration, scaling: AccuracyScaling, numSample: Int) {
        self.configuration = configuration
        self.scaling = scaling
        self.numSample = numSample
    }

    /// The predictor at `path`: a run folder, or its `predictor.h5` (the description read beside it).
    public static func load(_ path: String) throws -> (model: MetaPredictorModel, predictor: MetaPredictor) {
        try ModelFiles.load(path, description: descriptionFile, weights: weightsFile, what: "--predictor") { (model: MetaPredictorModel) in
            var rng = SplitMix64(seed: 0)
            return MetaPredictor(configuration: model.configuration, using: &rng)
        }
    }
}
