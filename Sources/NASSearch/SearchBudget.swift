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
    /// A goal with a cap: stop at the goal or after this many queries, whichever comes first
    /// (the WeakNAS authors' runs stop at `--max_sample 1000`).
    indirect case atMost(SearchBudget, Int)

    /// Parses `N` (a positive number of queries), `until-optimum`, `until-search-optimum` or
    /// `until-search-optimum-or-top1`, the last three optionally capped as `GOAL,max=N`.
    public init(parsing text: String) throws {
        if let comma = text.firstIndex(of: ",") {
            let rest = text[text.index(after: comma)...]
            guard rest.hasPrefix("max="), let n = Int(rest.dropFirst(4)) else {
                throw SearchError.badInput("bad budget '\(text)': expected GOAL,max=N with N a positive number of queries")
            }
            self = try SearchBudget(parsing: String(text[..<comma])).capped(at: n)
            return
        }
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

    /// This goal, stopped after `n` queries at the latest.
    ///
    /// - Throws: ``SearchError`` when `n` is not positive, or this budget is already a number of
    ///   queries or capped.
    public func capped(at n: Int) throws -> SearchBudget {
        switch self {
        case .queries: throw SearchError.badInput("bad budget '\(self),max=\(n)': a number of queries takes no cap")
        case .atMost: throw SearchError.badInput("bad budget '\(self),max=\(n)': the budget is capped already")
        default:
            guard n > 0 else {
                throw SearchError.badInput("bad budget '\(self),max=\(n)': expected GOAL,max=N with N a positive number of queries")
            }
            return .atMost(self, n)
        }
    }

    public var description: String {
        switch self {
        case .queries(let n): return "\(n)"
        case .untilSearchOptimum: return "until-search-optimum"
        case .untilOptimum: return "until-optimum"
        case .untilSearchOptimumOrRecommended: return "until-search-optimum-or-top1"
        case .atMost(let goal, let n): return "\(goal),max=\(n)"
        }
    }
}
