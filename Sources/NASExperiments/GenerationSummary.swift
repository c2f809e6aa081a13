/// `summary.json` of a `generate` run. Rates: validity = valid / decoded, uniqueness = unique /
/// valid, novelty = unique cells not among the generator's training cells / unique. The table
/// numbers (nil without a table) are over the first `top` ranked cells: the best table accuracy
/// (the authors' reported number), the top-ranked cell's, and the mean of the first ten.
public struct GenerationSummary: Codable, Sendable, Equatable {
    public var requested: Int
    public var decoded: Int
    public var valid: Int
    public var unique: Int
    public var novel: Int
    public var validity: Double
    public var uniqueness: Double
    public var novelty: Double
    /// Whether `requested` unique cells were found before the decode cap.
    public var complete: Bool
    public var top: Int
    public var setDraws: Int
    public var tableColumn: String?
    public var tableOptimum: Double?
    public var topMaxAccuracy: Double?
    public var top1Accuracy: Double?
    public var top10MeanAccuracy: Double?

    private enum CodingKeys: String, CodingKey {
        case requested, decoded, valid, unique, novel, validity, uniqueness, novelty, complete, top, setDraws = "set_draws"
        case tableColumn = "table_column", tableOptimum = "table_optimum", topMaxAccuracy = "top_max_accuracy"
        case top1Accuracy = "top1_accuracy", top10MeanAccuracy = "top10_mean_accuracy"
    }
}
