import Foundation

/// How many features a tree considers at each split (scikit-learn's `max_features`).
///
/// As in scikit-learn, features are drawn at random without replacement and constant ones
/// count as drawn, except that the search keeps drawing while every feature drawn so far is
/// constant within the node (so a split is found whenever one exists).
public enum MaxFeatures: Hashable, Sendable {
    /// Every feature.
    case all
    /// `max(1, floor(fraction * featureCount))` features; `fraction` in (0, 1].
    case fraction(Double)
    /// Exactly this many features (1...featureCount).
    case count(Int)
    /// `max(1, floor(sqrt(featureCount)))` features.
    case sqrt
    /// `max(1, floor(log2(featureCount)))` features.
    case log2

    /// The number of features for a matrix of `featureCount` columns.
    ///
    /// - Throws: ``PredictorError/invalidHyperparameter(name:value:expected:)`` for a fraction
    ///   outside (0, 1] or a count outside 1...featureCount.
    public func resolve(featureCount: Int) throws -> Int {
        let d = Double(featureCount)
        switch self {
        case .all:
            return featureCount
        case let .fraction(fraction):
            guard fraction > 0, fraction <= 1 else {
                throw PredictorError.invalidHyperparameter(
                    name: "maxFeatures", value: "fraction \(fraction)", expected: "a fraction in (0, 1]")
            }
            return max(1, Int(fraction * d))
        case let .count(count):
            guard count >= 1, count <= featureCount else {
                throw PredictorError.invalidHyperparameter(
                    name: "maxFeatures", value: "count \(count)", expected: "1...\(featureCount)")
            }
            return count
        case .sqrt:
            return max(1, Int(d.squareRoot()))
        case .log2:
            return max(1, Int(Foundation.log2(d)))
        }
    }
}
