/// Errors of the evaluators, each saying what to change.
public enum EvaluatorError: Error, CustomStringConvertible, Equatable {
    /// A setting or input is out of range.
    case badInput(String)

    public var description: String {
        switch self {
        case .badInput(let why): why
        }
    }
}
