/// When a search stops. Every search also stops when no unqueried cell (or class) is left.
public enum SearchBudget: Sendable, Equatable, CustomStringConvertible {
    /// After this many queries.
    case queries(Int)
    /// As soon as an optimal cell of the search metric (its seed-mean column) has been queried.
    case untilSearchOptimum
    /// As soon as optimal cells of both the search metric and the test metric have been queried.
    case untilOptimum
    /// As soon as an optimal cell of the search metric has been queried or recommended by the
    /// strategy (``SearchSession/recommend(_:)``; the WeakNAS authors' protocol).
    case untilSearchOptimumOrRecommended

    /// Parses `N` (a positive number of queries), `until-optimum`, `until-search-optimum` or
    /// `until-search-optimum-or-top1`.
    public init(parsing text: String) throws {
        switch text {
        case "until-optimum": self = .untilOptimum
        case "until-search-optimum": self = .untilSearchOptimum
        case "until-search-optimum-or-top1": self = .untilSearchOptimumOrRecommended
        default:
            guard let n = Int(text), n > 0 else {
                throw SearchError.badInput(
                    "bad budget '\(text)': expected a positive number of queries, until-optimum, until-search-optimum or until-search-optimum-or-top1")
            }
            self = .queries(n)
        }
    }

    public var description: String {
        switch self {
        case .queries(let n): return "\(n)"
        case .untilSearchOptimum: return "until-search-optimum"
        case .untilOptimum: return "until-optimum"
        case .untilSearchOptimumOrRecommended: return "until-search-optimum-or-top1"
        }
    }
}
