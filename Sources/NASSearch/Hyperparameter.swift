/// One hyperparameter value of a strategy or model, as recorded in a run's `config.json`.
public enum Hyperparameter: Sendable, Equatable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)

    /// The value as a JSON-serialisable object.
    public var jsonValue: Any {
        switch self {
        case .int(let v): return v
        case .double(let v): return v
        case .string(let v): return v
        }
    }

    public var description: String {
        switch self {
        case .int(let v): return "\(v)"
        case .double(let v): return "\(v)"
        case .string(let v): return v
        }
    }
}
