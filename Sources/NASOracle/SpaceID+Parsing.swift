import NASSpaces

extension SpaceID {
    /// The space of a stored name (a table file's `search_space`, `import csv --space`).
    ///
    /// - Throws: ``OracleError/unknownSpace(_:)`` naming the known spaces.
    public init(parsing name: String) throws {
        guard let space = SpaceID(rawValue: name) else { throw OracleError.unknownSpace(name) }
        self = space
    }
}
