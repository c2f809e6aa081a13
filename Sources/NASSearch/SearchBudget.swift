/// When a search stops. Every search also stops when no unqueried cell (or class) is left.
public enum SearchBudget: Sendable, Equatable, CustomStringConvertible {
    /// After this many queries.
    case queries(Int)
    /// As soon as an optimal cell of the search metric (its seed-mean column) has been queried.
    case untilSearchOptimum
    /// As soon as optimal cells of both the search metric and the test metric have been queried.
    case untilOptimum

    /// Parses `N` (a positive number of queries), `until-optimum` or `until-search-optimum`.
    public init(parsing text: String) throws {
        switch text {
        case "until-optimum": self = .untilOptimum
        case "until-search-optimum": self = .untilSearchOptimum
        default:
            guard let n = Int(text), n > 0 else {
                throw SearchError.badInput(
                    "bad budget '\(text)': expected a positive number of queries, until-optimum or until-search-optimum")
            }
            self = .queries(n)
        }
    }

    public var description: String {
        switch self {
        case .queries(let n): return "\(n)"
        case .untilSearchOptimum: return "until-search-optimum"
        case .untilOptimum: return "until-optimum"
        }
    }
}
