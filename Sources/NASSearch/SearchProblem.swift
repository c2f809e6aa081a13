import NASOracle
import NASSpaces

/// What every trial of a search experiment shares: the table, the resolved search and test
/// queries, the ``SearchDomain`` of its space (every row's cell and the moves between rows), the
/// isomorphism class of every row, and which classes are optimal.
///
/// The searchable set is the table's rows: a table that samples its space (NASLib's 500 NB101
/// cells) is searched as if those cells were the whole space.
///
/// Built once per run (it parses every cell and computes class keys) and shared, read-only,
/// by all trials on all threads.
public final class SearchProblem: Sendable {
    /// The table answering the queries.
    public let table: BenchmarkTable
    /// The metric the strategies optimise (charged per query).
    public let searchQuery: ResolvedQuery
    /// The metric reported beside it, looked up without charging a query.
    public let testQuery: ResolvedQuery
    /// Which cells count as one: strategies never query two cells of one class.
    public let uniqueness: IsomorphismRule
    /// The table's cells and the moves between them (NB201, NB101 or NAS-Bench-Graph).
    public let domain: any SearchDomain
    /// Dense class number (0..<classCount) of each row, in order of first appearance.
    public let classOfRow: [Int32]
    /// The rows of each class.
    public let rowsOfClass: [[Int32]]
    /// Whether a class holds a row reaching the optimum of the search column (the seed mean).
    public let searchOptimalClass: [Bool]
    /// Whether a class holds a row reaching the optimum of the test column.
    public let testOptimalClass: [Bool]

    /// Checks the queries against the table and precomputes the cells and classes.
    ///
    /// - Parameters:
    ///   - search: the search metric; `.mean` or `.sampled` seeds (the optimum is always the seed mean's).
    ///   - test: the reported metric; its seed is forced to `.mean`.
    public init(table: BenchmarkTable, search: Query, test: Query, uniqueness: IsomorphismRule = .none) throws {
        domain = try table.space.searchDomain(table)
        let oracle = TabularOracle(table: table)
        var testMean = test
        testMean.seed = .mean
        searchQuery = try oracle.resolve(search)
        testQuery = try oracle.resolve(testMean)
        self.table = table
        self.uniqueness = uniqueness
        var classIDs: [String: Int32] = [:]
        var classOfRow: [Int32] = []
        var rowsOfClass: [[Int32]] = []
        classOfRow.reserveCapacity(table.rowCount)
        for (row, key) in try table.isomorphismKeys(uniqueness).enumerated() {
            let id = classIDs[key] ?? Int32(rowsOfClass.count)
            if id == Int32(rowsOfClass.count) {
                classIDs[key] = id
                rowsOfClass.append([])
            }
            rowsOfClass[Int(id)].append(Int32(row))
            classOfRow.append(id)
        }
        self.classOfRow = classOfRow
        self.rowsOfClass = rowsOfClass
        var searchOptimal = [Bool](repeating: false, count: rowsOfClass.count)
        for row in searchQuery.optimum.rows { searchOptimal[Int(classOfRow[row])] = true }
        var testOptimal = [Bool](repeating: false, count: rowsOfClass.count)
        for row in testQuery.optimum.rows { testOptimal[Int(classOfRow[row])] = true }
        searchOptimalClass = searchOptimal
        testOptimalClass = testOptimal
    }

    /// Number of classes (cells, when `uniqueness` is `.none`).
    public var classCount: Int { rowsOfClass.count }

    /// A search-metric value as a fitness to maximise (negated for lower-is-better metrics).
    @inlinable
    public func fitness(_ value: Float) -> Double {
        searchQuery.higherIsBetter ? Double(value) : -Double(value)
    }

    /// The expected number of queries uniform random sampling without replacement needs to hit
    /// one of `k` optimal cells among `N`: `(N + 1) / (k + 1)`. Nil when classes merge cells
    /// (sampling is then not uniform over classes).
    public var randomSearchExpectation: Double? {
        guard uniqueness == .none else { return nil }
        return Double(table.rowCount + 1) / Double(searchQuery.optimum.rows.count + 1)
    }
}
