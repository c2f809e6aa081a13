/// Mean, median and sample standard deviation of a list of numbers.
public struct SummaryStatistics: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    public let median: Double
    /// The sample standard deviation (n - 1 in the denominator); NaN for fewer than two values.
    public let std: Double

    public init(_ values: [Double]) {
        count = values.count
        guard !values.isEmpty else {
            mean = .nan
            median = .nan
            std = .nan
            return
        }
        let n = Double(values.count)
        let m = values.reduce(0, +) / n
        mean = m
        let sorted = values.sorted()
        let half = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2
        std = values.count > 1 ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot() : .nan
    }
}
