/// How the batch norms of the random body normalise while features are extracted.
public enum BatchNormMode: String, CaseIterable, Codable, Sendable {
    /// Training mode: every batch is normalised by its own statistics (NB201's proxies do this).
    case batch
    /// Inference mode with fresh running statistics (mean 0, variance 1): with the initial
    /// affine parameters (1, 0) each batch norm is the identity, so feature scales are the raw
    /// ones of the random weights and do not depend on which images share a batch.
    case fresh

    /// Parses a mode name, with a message listing the valid ones.
    public init(parsing text: String) throws {
        guard let mode = BatchNormMode(rawValue: text) else {
            throw EvaluatorError.badInput(
                "unknown batch-norm mode '\(text)' (expected one of: \(BatchNormMode.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        self = mode
    }
}
