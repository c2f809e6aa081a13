extension TabularOracle {
    /// Looks a value up WITHOUT counting a query or charging training time.
    ///
    /// For reporting only, never for searching: e.g. the CIFAR-10 test accuracy of a cell that a
    /// search has just queried on cifar10-valid's valid split. Answers the query's column as
    /// stored (the seed mean for `.sampled` queries, so no random draw is needed).
    @inlinable
    public func valueWithoutCharging(row: Int, _ query: ResolvedQuery) -> Float {
        table.columns[query.column][row]
    }
}
