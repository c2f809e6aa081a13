import NASPredictors

/// How a meta-predictor does on a group of pairs: the mean squared error per pair (in the scaled
/// units it trains on) and Pearson, Spearman and Kendall (tau-b) correlations of its predictions
/// with the labels (``RankingMetrics``, checked against scipy). NaN where undefined (fewer than
/// two pairs, constant or non-finite predictions).
public struct HeldOutScore: Codable, Sendable, Equatable {
    public var loss: Double
    public var pearson: Double
    public var spearman: Double
    public var kendall: Double

    public init(predicted: [Double], actual: [Double], squaredError: Double) {
        loss = actual.isEmpty ? .nan : squaredError / Double(actual.count)
        pearson = (try? RankingMetrics.pearson(predicted, actual)) ?? .nan
        spearman = (try? RankingMetrics.spearman(predicted, actual)) ?? .nan
        kendall = (try? RankingMetrics.kendallTau(predicted, actual)) ?? .nan
    }

    /// The four as CSV fields.
    var fields: [String] { [loss, pearson, spearman, kendall].map { CSVLine.number($0) } }

    // NaN is not JSON: written as null.
    private enum CodingKeys: String, CodingKey { case loss, pearson, spearman, kendall }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        loss = try c.decodeNumber(forKey: .loss); pearson = try c.decodeNumber(forKey: .pearson)
        spearman = try c.decodeNumber(forKey: .spearman); kendall = try c.decodeNumber(forKey: .kendall)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeNumber(loss, forKey: .loss); try c.encodeNumber(pearson, forKey: .pearson)
        try c.encodeNumber(spearman, forKey: .spearman); try c.encodeNumber(kendall, forKey: .kendall)
    }
}
