import NASSpaces

extension TabularOracle {
    /// Answers a resolved query for an NB201 cell (no string handling: a rank look-up).
    @inlinable
    public mutating func value(
        _ cell: NB201Cell, _ query: ResolvedQuery, using generator: inout some RandomNumberGenerator
    ) throws -> Float {
        guard let row = table.row(ofRank: cell.rank) else {
            throw OracleError.unknownCell(NB201Space().describe(cell), space: table.space)
        }
        return value(row: row, query, using: &generator)
    }
}
