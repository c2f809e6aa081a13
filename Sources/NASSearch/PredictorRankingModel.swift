import Foundation
import NASPredictors

/// Any of the project's predictors (NASPredictors' `Predictor`) as WeakNAS's ranking model, the
/// one adapter between the two: cells are encoded by their domain's space (adjacency one-hot by
/// default, as WeakNAS does for NB201), the predictor is fitted afresh on every call to `fit`, and
/// the scores are either its predictions or, over an `Ensemble`, their expected improvement.
///
/// ## Expected improvement (WeakNAS's EI variant)
/// Wu et al., NeurIPS 2021, "WeakNAS (EI Variant)"; `--sampling_method ei` in the authors'
/// `WeakNAS.py`: an ensemble of fresh copies of a model (the authors: 5 MLPs, `--num_ensemble`),
/// each fitted on the same cells with its own random stream (NASPredictors' `Ensemble`: member
/// `m` with `SplitMix64(seed: s_m)`, the seeds drawn in order from the caller's generator), every
/// cell scored by the expected improvement of the ensemble's Gaussian over the best label fitted.
/// ``WeakNAS`` then queries the `M` unqueried cells with the highest EI.
///
/// EI is the textbook form for maximisation (``expectedImprovement(mean:std:best:)``) with the
/// members' mean and population spread, the spread divided by the calibration factor (the
/// authors' and NASLib's `acq_fn`: `ei_calibration_factor = 5`). Two departures from the authors'
/// `acq_fn`, both on purpose: it negates the predictions and then takes the *lowest* label as the
/// incumbent, a sign slip under which EI underflows to zero for nearly every cell and the order is
/// left to numpy's unstable sort; and cells whose EI is exactly zero here (far below the incumbent
/// with a small spread) are ordered by their mean prediction rather than by row.
public struct PredictorRankingModel<Model: Predictor>: RankingModel {
    public let name: String
    public let encoding: Encoding
    private let configuration: Model.Configuration
    /// The EI calibration factor and the predictive distribution, for EI scoring; `nil`: predictions.
    private let acquisition: ExpectedImprovementScoring<Model>?
    private var model: Model?
    private var best = -Double.infinity

    /// Scores are the predictor's predictions.
    public init(name: String, configuration: Model.Configuration, encoding: Encoding = .adjacencyOneHot) {
        self.name = name
        self.configuration = configuration
        self.encoding = encoding
        self.acquisition = nil
    }

    /// The encoding and the predictor's whole configuration (as sorted-key JSON); for EI, the
    /// ensemble's size and calibration and its members' configuration.
    public var hyperparameters: [String: Hyperparameter] {
        if let acquisition { return acquisition.hyperparameters(encoding: encoding) }
        return ["encoding": .string(encoding.rawValue), "predictor": .string(Self.json(configuration))]
    }

    /// `value` as sorted-key JSON (`{}` if it cannot be encoded).
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    public mutating func fit(
        _ rows: [Int], of domain: any SearchDomain, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        guard let top = labels.max() else { throw SearchError.badInput("\(name): fit needs at least one labelled cell") }
        var fresh = Model(configuration: configuration)
        try fresh.fit(try domain.features(ofRows: rows, as: encoding), labels: labels, using: &generator)
        model = fresh
        best = top
    }

    /// Predictions, or EI per row (higher is better) where rows whose EI is zero score below every
    /// positive EI, in the order of their mean prediction.
    public func scores(_ rows: [Int], of domain: any SearchDomain) throws -> [Double] {
        guard let model else { throw SearchError.badInput("\(name): scores asked before fit") }
        let features = try domain.features(ofRows: rows, as: encoding)
        guard let acquisition else { return try model.predict(features) }
        let distribution = try acquisition.distribution(model, features)
        return zip(distribution.mean, distribution.std).map { mean, std in
            let ei = expectedImprovement(mean: mean, std: std / acquisition.calibration, best: best)
            // Zero EI: below every positive EI, higher means first (mean < best here, or the
            // prediction is certain and not above the incumbent).
            return ei > 0 ? ei : -1 - (best - mean)
        }
    }
}

extension PredictorRankingModel {
    /// WeakNAS's EI variant over an ensemble of `members` fresh `Member`s (no bootstrap: members
    /// differ by their random stream, as the authors' and BANANAS'); the name is `ei<members>-<name>`.
    public init<Member: Predictor>(
        expectedImprovementOver name: String, member: Member.Configuration, members: Int, calibration: Double,
        encoding: Encoding = .adjacencyOneHot
    ) throws where Model == Ensemble<Member>, Member.Configuration: Hashable {
        guard members >= 2 else { throw SearchError.badInput("an EI ensemble needs at least 2 members, got \(members)") }
        guard calibration > 0, calibration.isFinite else {
            throw SearchError.badInput("the EI calibration factor must be positive, got \(calibration)")
        }
        self.name = "ei\(members)-\(name)"
        self.configuration = EnsembleConfiguration(memberCount: members, bootstrap: false, member: member)
        self.encoding = encoding
        self.acquisition = ExpectedImprovementScoring(
            calibration: calibration, members: members, memberJSON: Self.json(member),
            distribution: { try $0.predictDistribution($1) })
    }
}

/// How an EI-scoring ``PredictorRankingModel`` reads its model's predictive distribution.
struct ExpectedImprovementScoring<Model: Predictor>: Sendable {
    /// The spread is divided by this before EI (the authors and NASLib: 5).
    let calibration: Double
    let members: Int
    /// The members' configuration, as sorted-key JSON (recorded as `base_predictor`).
    let memberJSON: String
    let distribution: @Sendable (Model, FeatureMatrix) throws -> PredictiveDistribution

    /// The keys the EI variant has always recorded: `members`, `calibration`, `base_encoding`,
    /// `base_predictor` (so that saved runs resume).
    func hyperparameters(encoding: Encoding) -> [String: Hyperparameter] {
        ["members": .int(members), "calibration": .double(calibration), "base_encoding": .string(encoding.rawValue),
         "base_predictor": .string(memberJSON)]
    }
}
