import NASCore

/// An oracle that answers from a `BenchmarkTable`: a query is an array look-up.
///
/// A value type: each search trial takes its own copy, with its own counters, of one shared table.
public struct TabularOracle: Oracle {
    public typealias Cell = String

    /// The table answering the queries.
    public let table: BenchmarkTable
    @usableFromInline var counted = 0
    @usableFromInline var seconds = 0.0

    /// Queries resolved by the string convenience path, so repeating one costs a look-up.
    private var resolvedQueries: [Query: ResolvedQuery] = [:]

    public var queryCount: Int { counted }
    public var simulatedSeconds: Double { seconds }

    public init(table: BenchmarkTable) { self.table = table }

    /// Checks a query against the table once, naming what is available if it does not fit.
    public func resolve(_ query: Query) throws -> ResolvedQuery {
        if query.metric.dependsOnEpochs && query.epochs == nil {
            let budgets = Set(table.keys.filter { $0.metric == query.metric }.compactMap(\.epochs)).sorted()
            throw OracleError.badInput(
                "\(query.metric.rawValue) depends on the training budget: give epochs (available: \(budgets.map(String.init).joined(separator: ", ")))")
        }
        let column = try table.columnIndex(query.columnKey)
        var seedColumns: [Int] = []
        if query.seed == .sampled {
            seedColumns = try table.seedColumns(of: query.columnKey).map { try table.columnIndex($0) }
            if seedColumns.isEmpty {
                throw OracleError.badInput("no per-seed columns for \(query.columnKey.name): ask for the seed mean (query: --seed mean; search: --query-seed mean)")
            }
        }
        var costColumn: Int? = nil
        var costScale = 1.0
        if let epochs = query.epochs,
            let timeKey = table.keys.filter({
                $0.dataset == query.dataset && $0.metric == .trainTime && $0.seed == nil && $0.epochs != nil
            }).max(by: { ($0.epochs ?? 0) < ($1.epochs ?? 0) })
        {
            // NB201 records the time of the full schedule; per-epoch time is constant, so a shorter
            // budget costs its share of it (Dong & Yang, ICLR 2020, Sec. 3).
            costColumn = try table.columnIndex(timeKey)
            costScale = Double(epochs) / Double(timeKey.epochs ?? epochs)
        }
        return ResolvedQuery(
            query: query, column: column, seedColumns: seedColumns, costColumn: costColumn, costScale: costScale,
            higherIsBetter: query.metric.higherIsBetter, optimum: try table.optimum(query.columnKey))
    }

    /// Answers a resolved query for a row: the fast path (no hashing, no allocation).
    @inlinable
    public mutating func value(row: Int, _ query: ResolvedQuery, using generator: inout some RandomNumberGenerator)
        -> Float
    {
        counted += 1
        if let cost = query.costColumn {
            seconds += Double(table.columns[cost][row]) * query.costScale
        }
        if query.seedColumns.isEmpty { return table.columns[query.column][row] }
        return sampleSeed(row: row, query, using: &generator)
    }

    /// One of the row's available (non-NaN) seed values, drawn uniformly over all of the
    /// query's seed columns; the mean column if no seed is available.
    ///
    /// Two passes over the seed columns (count, then pick) keep the fast path free of allocation
    /// for any number of seeds.
    @usableFromInline
    func sampleSeed(row: Int, _ query: ResolvedQuery, using generator: inout some RandomNumberGenerator) -> Float {
        var count = 0
        for column in query.seedColumns where !table.columns[column][row].isNaN { count += 1 }
        if count == 0 { return table.columns[query.column][row] }
        var pick = generator.nextIndex(below: count)
        for column in query.seedColumns {
            let v = table.columns[column][row]
            if v.isNaN { continue }
            if pick == 0 { return v }
            pick -= 1
        }
        return table.columns[query.column][row]  // unreachable: `count` values were found above
    }

    /// Answers a query for a cell given in the table's canonical string form.
    public mutating func query(_ cell: String, _ query: Query, using generator: inout some RandomNumberGenerator)
        throws -> Double
    {
        guard let row = table.row(ofArch: cell) else { throw OracleError.unknownCell(cell, space: table.space) }
        let resolved: ResolvedQuery
        if let cached = resolvedQueries[query] {
            resolved = cached
        } else {
            resolved = try resolve(query)
            resolvedQueries[query] = resolved
        }
        return Double(value(row: row, resolved, using: &generator))
    }

    /// Forgets the counters (a new trial on the same table).
    public mutating func resetCounters() {
        counted = 0
        seconds = 0
    }
}

/// The best value of a column and every row that reaches it.
public struct Optimum: Sendable, Equatable {
    public let value: Float
    public let rows: [Int]
}

extension BenchmarkTable {
    /// The optimum of a column (largest for accuracy, smallest otherwise), ties included; NaN ignored.
    public func optimum(_ key: ColumnKey) throws -> Optimum {
        let values = try column(key)
        let better: (Float, Float) -> Bool = key.metric.higherIsBetter ? { $0 > $1 } : { $0 < $1 }
        var best = Float.nan
        var rows: [Int] = []
        for (row, v) in values.enumerated() where !v.isNaN {
            if best.isNaN || better(v, best) {
                best = v
                rows = [row]
            } else if v == best {
                rows.append(row)
            }
        }
        guard !best.isNaN else { throw OracleError.badInput("column \(key.name) has no values") }
        return Optimum(value: best, rows: rows)
    }

    /// How far `value` falls short of the column's optimum (non-negative; 0 at the optimum).
    public func regret(_ value: Float, in key: ColumnKey) throws -> Float {
        let best = try optimum(key).value
        return key.metric.higherIsBetter ? best - value : value - best
    }
}
