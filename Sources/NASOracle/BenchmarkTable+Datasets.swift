extension BenchmarkTable {
    /// The table's dataset of that name, matched case-insensitively (`imagenet16-120` finds
    /// `ImageNet16-120`).
    ///
    /// - Throws: ``OracleError/badInput(_:)`` listing the table's datasets.
    public func dataset(named name: String) throws -> Dataset {
        let datasets = Set(keys.map(\.dataset.rawValue))
        guard let dataset = datasets.first(where: { $0.lowercased() == name.lowercased() }) else {
            throw OracleError.badInput("unknown dataset '\(name)' (this table has: \(datasets.sorted().joined(separator: ", ")))")
        }
        return Dataset(dataset)
    }
}
