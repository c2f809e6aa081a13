/// Errors of experiment runs. Each says what to do.
public enum ExperimentError: Error, CustomStringConvertible, Equatable {
    case badInput(String)
    case configMismatch(path: String, field: String)
    case corruptResults(path: String, why: String)

    public var description: String {
        switch self {
        case .badInput(let why):
            return why
        case .configMismatch(let path, let field):
            return "\(path) holds a run with a different configuration (\(field) differs): use another --out folder, or the same settings to resume"
        case .corruptResults(let path, let why):
            return "\(path): \(why)"
        }
    }
}
