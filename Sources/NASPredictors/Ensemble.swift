import NASSpaces

/// An ensemble of independently fitted predictors of one kind: the mean of the members'
/// predictions, with their spread (population standard deviation) as uncertainty for
/// ``expectedImprovement(mean:std:best:)``.
///
/// Member `m` is fitted with `SplitMix64(seed: s_m)`, the seeds `s_0, s_1, ...` drawn in order
/// from the caller's generator, and (with ``EnsembleConfiguration/bootstrap``) on a bootstrap
/// resample drawn from that same member generator.
public struct Ensemble<Member: Predictor>: UncertaintyPredictor where Member.Configuration: Hashable {
    public let configuration: EnsembleConfiguration<Member.Configuration>
    /// The fitted members (empty before `fit`).
    public private(set) var members: [Member] = []

    public init(configuration: EnsembleConfiguration<Member.Configuration>) {
        self.configuration = configuration
    }

    public mutating func fit(
        _ features: FeatureMatrix, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        try features.validateTraining(labels: labels)
        guard configuration.memberCount >= 1 else {
            throw PredictorError.invalidHyperparameter(
                name: "memberCount", value: String(configuration.memberCount), expected: ">= 1")
        }
        let seeds = (0..<configuration.memberCount).map { _ in generator.next() }
        var fitted: [Member] = []
        for seed in seeds {
            var rng = SplitMix64(seed: seed)
            var member = Member(configuration: configuration.member)
            if configuration.bootstrap {
                let n = UInt64(features.rowCount)
                let rows = (0..<features.rowCount).map { _ in Int(rng.nextUniform(below: n)) }
                try member.fit(features.rows(rows), labels: rows.map { labels[$0] }, using: &rng)
            } else {
                try member.fit(features, labels: labels, using: &rng)
            }
            fitted.append(member)
        }
        members = fitted
    }

    /// The mean of the members' predictions.
    public func predict(_ features: FeatureMatrix) throws -> [Double] {
        try predictDistribution(features).mean
    }

    /// Mean and population standard deviation of the members' predictions.
    public func predictDistribution(_ features: FeatureMatrix) throws -> PredictiveDistribution {
        guard !members.isEmpty else { throw PredictorError.notFitted(model: "Ensemble") }
        return PredictiveDistribution(memberPredictions: try members.map { try $0.predict(features) })
    }
}
