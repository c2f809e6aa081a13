/// MetaD2A's label standardisation for the meta-predictor (loader.py `MetaTrainDatabase`):
/// `((accuracy - mean) / std) / 100`, with the mean and the sample standard deviation
/// (`torch.std`, `n - 1`) of the training accuracies.
public struct AccuracyScaling: Codable, Equatable, Sendable {
    /// Mean of the training accuracies.
    public let mean: Double
    /// Their sample standard deviation (`n - 1`).
    public let std: Double

    /// The scaling with a given mean and standard deviation.
    ///
    /// - Precondition: `std` is positive and finite.
    public init(mean: Double, std: Double) {
        precondition(std > 0 && std.isFinite && mean.isFinite, "AccuracyScaling: needs a finite mean and a positive std, got \(mean), \(std)")
        self.mean = mean
        self.std = std
    }

    /// The scaling of these training accuracies.
    ///
    /// - Throws: ``AccuracyScalingError`` for fewer than two values, a non-finite one, or values all equal.
    public init(trainingAccuracies values: [Double]) throws {
        guard values.count >= 2 else { throw AccuracyScalingError.tooFew(values.count) }
        if let bad = values.first(where: { !$0.isFinite }) { throw AccuracyScalingError.notFinite(bad) }
        let m = values.reduce(0, +) / Double(values.count)
        let s = (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)).squareRoot()
        guard s > 0 else { throw AccuracyScalingError.constant(m) }
        self.init(mean: m, std: s)
    }

    /// `((accuracy - mean) / std) / 100`.
    public func scaled(_ accuracy: Double) -> Double { ((accuracy - mean) / std) / 100 }

    /// The accuracy of a scaled value (the inverse, as utils.py `get_log` prints it).
    public func accuracy(scaled value: Double) -> Double { value * 100 * std + mean }
}

/// Why training accuracies cannot be standardised.
public enum AccuracyScalingError: Error, Equatable, CustomStringConvertible {
    /// Fewer than two values: no standard deviation.
    case tooFew(Int)
    /// A NaN or infinite value.
    case notFinite(Double)
    /// All values are equal (standard deviation 0).
    case constant(Double)

    public var description: String {
        switch self {
        case .tooFew(let n): "accuracy scaling needs at least 2 training accuracies, got \(n)"
        case .notFinite(let v): "accuracy scaling: training accuracy \(v) is not a finite number"
        case .constant(let v): "accuracy scaling: every training accuracy is \(v), the standard deviation is 0"
        }
    }
}
