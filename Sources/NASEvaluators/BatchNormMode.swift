/// How the batch norms of the random body normalise while features are extracted.
public enum BatchNormMode: String, CaseIterable, Codable, Sendable {
    /// Training mode: every batch is normalised by its own statistics (NB201's proxies do this).
    case batch
    /// Inference mode with fresh running statistics (mean 0, variance 1): with the initial
    /// affine parameters (1, 0) each batch norm is the identity, so feature scales are the raw
    /// ones of the random weights and do not depend on which images share a batch.
    case fresh
    /// Inference mode with statistics estimated on the training images: one pass over them in
    /// training mode pools each batch norm's input mean and variance over the whole set
    /// (``NASTensor/BatchNorm2d/beginStatisticsEstimate()``), then train and test features are
    /// extracted with those statistics — what a frozen PyTorch body whose running statistics were
    /// recomputed on the training set (`momentum=None`) does. Upstream batch norms normalise by
    /// batch statistics during that pass, so the estimates depend on the batch size.
    case estimate

    /// Parses a mode name, with a message listing the valid ones.
    public init(parsing text: String) throws {
        guard let mode = BatchNormMode(rawValue: text) else {
            throw EvaluatorError.badInput(
                "unknown batch-norm mode '\(text)' (expected one of: \(BatchNormMode.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self = mode
    }
}
