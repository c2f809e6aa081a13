/// Probabilities that cannot be sampled from, e.g. after a training run diverged to NaN.
public enum SamplingError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A categorical row with a negative or non-finite entry, or summing to zero.
    case invalidCategoricalRow(row: Int, reason: String)
    /// A Bernoulli probability outside `[0, 1]` or NaN.
    case invalidBernoulliProbability(index: Int, value: Float)

    /// One line naming the row or element and what to check.
    public var description: String {
        switch self {
        case let .invalidCategoricalRow(row, reason):
            return "categorical sampling: row \(row) \(reason) (probabilities must be finite, non-negative and not all zero)"
        case let .invalidBernoulliProbability(index, value):
            return "Bernoulli sampling: probability \(value) at element \(index) is outside [0, 1]"
        }
    }
}
