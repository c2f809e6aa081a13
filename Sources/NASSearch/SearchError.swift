import NASCore
/// Errors of searches. Each says what went wrong and what to do.
public enum SearchError: Error, CustomStringConvertible, Equatable {
    case badInput(String)
    /// A strategy asked for a cell it (or an isomorphic cell) had already queried.
    case repeatedCell(String)
    /// A strategy asked for a cell that is not in the table.
    case cellNotInTable(String)
    /// A strategy queried after its budget was spent.
    case budgetSpent
    /// A linear system that should have been positive definite was not.
    case notPositiveDefinite

    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .badInput(let why): return why
        case .repeatedCell(let cell): return "cell \(cell) (or one isomorphic to it) was already queried"
        case .cellNotInTable(let cell): return "cell \(cell) is not in the table"
        case .budgetSpent: return "the search budget is spent: strategies must stop when the session is finished"
        case .notPositiveDefinite: return "matrix is not positive definite (add regularisation)"
        }
    }
}
