import Foundation
import NASPredictors

/// Any of the project's predictors (NASPredictors' `Predictor`) as WeakNAS's ranking model:
/// cells are encoded by their domain's space (adjacency one-hot by default, as WeakNAS does for
/// NB201), the predictor
/// is fitted afresh on every call to `fit`, and its predictions are the scores.
public struct PredictorRankingModel<Model: Predictor>: RankingModel {
    public let name: String
    public let encoding: Encoding
    private let configuration: Model.Configuration
    private var model: Model?

    public init(name: String, configuration: Model.Configuration, encoding: Encoding = .adjacencyOneHot) {
        self.name = name
        self.configuration = configuration
        self.encoding = encoding
    }

    /// The encoding and the predictor's whole configuration (as sorted-key JSON).
    public var hyperparameters: [String: Hyperparameter] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(configuration)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return ["encoding": .string(encoding.rawValue), "predictor": .string(json)]
    }

    public mutating func fit(
        _ rows: [Int], of domain: any SearchDomain, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        var fresh = Model(configuration: configuration)
        try fresh.fit(try domain.features(ofRows: rows, as: encoding), labels: labels, using: &generator)
        model = fresh
    }

    public func scores(_ rows: [Int], of domain: any SearchDomain) throws -> [Double] {
        guard let model else { throw SearchError.badInput("\(name): scores asked before fit") }
        return try model.predict(try domain.features(ofRows: rows, as: encoding))
    }
}
