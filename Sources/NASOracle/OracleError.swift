import NASCore
import NASSpaces

/// Errors of the benchmark table, its importers and its oracle. Each says what to do.
public enum OracleError: Error, CustomStringConvertible, Equatable {
    case badColumnName(String, String)
    case noSuchColumn(String, available: [String])
    case unknownCell(String, space: SpaceID)
    /// A stored space name this build does not know.
    case unknownSpace(String)
    case badFile(String, String)
    case unsupportedVersion(path: String, found: Int, supported: Int)
    case badInput(String)

    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .badColumnName(let name, let why):
            return "bad column name '\(name)': \(why)"
        case .noSuchColumn(let wanted, let available):
            let list = available.count > 12 ? available.prefix(12).joined(separator: ", ") + ", …" : available.joined(separator: ", ")
            return "no column \(wanted) in this table (available: \(list); `nasbench info FILE` lists all)"
        case .unknownCell(let cell, let space):
            return "cell \(cell) is not in this \(space.rawValue) table"
        case .unknownSpace(let name):
            return "unknown search space '\(name)' (known: \(SpaceID.knownNames))"
        case .badFile(let path, let why):
            return "\(path): \(why)"
        case .unsupportedVersion(let path, let found, let supported):
            return "\(path): format version \(found) is not supported (this nasbench reads version \(supported); re-import the source data)"
        case .badInput(let why):
            return why
        }
    }
}
