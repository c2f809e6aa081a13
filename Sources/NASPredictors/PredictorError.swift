import NASCore
import Foundation

/// Why a predictor, a metric or a data split refused its input. Every case says what was
/// wrong and what to do instead.
public enum PredictorError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// A training set with no rows.
    case emptyTrainingSet
    /// More training cells were requested than there are cells.
    case trainSizeTooLarge(requested: Int, available: Int)
    /// Training plus test cells exceed the number of cells.
    case splitTooLarge(train: Int, test: Int, available: Int)
    /// A label is NaN or infinite.
    case nonFiniteLabel(index: Int, value: Double)
    /// A feature is NaN or infinite.
    case nonFiniteFeature(row: Int, column: Int, value: Double)
    /// A feature row (or matrix) does not have the width the model was trained with.
    case featureWidthMismatch(expected: Int, found: Int, row: Int?)
    /// The numbers of feature rows and labels differ.
    case labelCountMismatch(rows: Int, labels: Int)
    /// Two sequences given to a metric have different lengths.
    case lengthMismatch(first: Int, second: Int)
    /// A metric needs more values than it was given.
    case tooFewValues(needed: Int, found: Int)
    /// A value given to a metric is NaN or infinite.
    case nonFiniteValue(argument: String, index: Int, value: Double)
    /// A hyperparameter is outside its valid range.
    case invalidHyperparameter(name: String, value: String, expected: String)
    /// `predict` was called before `fit`.
    case notFitted(model: String)
    /// A predictor name that is not a ``PredictorKind``.
    case unknownPredictor(String, known: [String])
    /// An encoding name that is not an ``Encoding``.
    case unknownEncoding(String, known: [String])
    /// An encoding the search space does not define (e.g. the path encoding of NAS-Bench-Graph).
    case unsupportedEncoding(Encoding, space: String, supported: [Encoding])
    /// A linear system that should be symmetric positive definite is not (a pivot <= 0).
    case notPositiveDefinite

    /// A one-line explanation naming the offending value and what was expected.
    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .emptyTrainingSet:
            return "empty training set: fit needs at least one labelled cell"
        case let .trainSizeTooLarge(requested, available):
            return "train size \(requested) is larger than the \(available) cells available (use at most \(available))"
        case let .splitTooLarge(train, test, available):
            return "train size \(train) plus test size \(test) exceeds the \(available) cells available"
        case let .nonFiniteLabel(index, value):
            return "label \(index) is \(value): labels must be finite numbers (drop or impute missing results first)"
        case let .nonFiniteFeature(row, column, value):
            return "feature (\(row), \(column)) is \(value): features must be finite numbers"
        case let .featureWidthMismatch(expected, found, row):
            let location = row.map { " in row \($0)" } ?? ""
            return "feature width mismatch\(location): expected \(expected) features, found \(found) "
                + "(encode training and query cells with the same encoding)"
        case let .labelCountMismatch(rows, labels):
            return "\(rows) feature rows but \(labels) labels: give one label per row"
        case let .lengthMismatch(first, second):
            return "length mismatch: \(first) values against \(second); metrics compare paired sequences"
        case let .tooFewValues(needed, found):
            return "too few values: need at least \(needed), found \(found)"
        case let .nonFiniteValue(argument, index, value):
            return "\(argument)[\(index)] is \(value): metrics need finite values"
        case let .invalidHyperparameter(name, value, expected):
            return "invalid hyperparameter \(name) = \(value) (expected \(expected))"
        case let .notFitted(model):
            return "\(model) is not fitted: call fit(_:labels:using:) before predict"
        case let .unknownPredictor(name, known):
            return "unknown predictor '\(name)' (expected one of: \(known.joined(separator: ", ")))"
        case let .unknownEncoding(name, known):
            return "unknown encoding '\(name)' (expected one of: \(known.joined(separator: ", ")))"
        case let .unsupportedEncoding(encoding, space, supported):
            return "encoding \(encoding.rawValue) is not defined for \(space) (use one of: \(supported.map(\.rawValue).joined(separator: ", ")))"
        case .notPositiveDefinite:
            return "matrix is not positive definite (add regularisation)"
        }
    }

    /// Same as ``description``.
    public var errorDescription: String? { description }
}
