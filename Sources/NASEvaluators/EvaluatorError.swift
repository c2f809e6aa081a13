import NASCore
/// Errors of the evaluators, each saying what to change.
public enum EvaluatorError: Error, CustomStringConvertible, Equatable {
    /// A setting or input is out of range.
    case badInput(String)

    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .badInput(let why): why
        }
    }
}
