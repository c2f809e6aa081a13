import NASOracle
import NASSpaces

/// One trial's view of a search problem: strategies query cells only through it.
///
/// A class (reference semantics): one trial owns it, on one thread; strategies share it.
///
/// It asks the `TabularOracle` (which counts queries and charges simulated training time),
/// refuses to query a cell twice (or two cells of one class, under the problem's
/// `uniqueness`), looks up the test metric without charging, and records a ``SearchStep`` per
/// query. Seeds of `.sampled` queries are drawn from its own generator, so the noise in the
/// answers does not shift the strategy's own random choices.
public final class SearchSession {
    public let problem: SearchProblem
    public let budget: SearchBudget
    private var oracle: TabularOracle
    private var noise: SplitMix64
    // Copies of the problem's arrays and queries: the per-query path touches no class.
    private let searchQuery: ResolvedQuery
    private let testQuery: ResolvedQuery
    private let classOfRow: [Int32]
    private let searchOptimalClass: [Bool]
    private let testOptimalClass: [Bool]
    private let mergesCells: Bool
    /// Rows whose class has not been queried; `positionInPool[row]` is the row's index here or -1.
    private var pool: [Int32]
    private var positionInPool: [Int32]
    /// The answered search value of each queried row (NaN elsewhere; see `queried`).
    private var answers: [Float]
    private var queried: [Bool]
    private var incumbentRow = -1
    private var bestTest = Float.nan
    public private(set) var steps: [SearchStep] = []
    public private(set) var queriesToSearchOptimum: Int?
    public private(set) var queriesToTestOptimum: Int?
    /// Queries made when an optimal cell of the search metric was first recommended, if ever.
    public private(set) var queriesToRecommendedSearchOptimum: Int?

    /// A fresh trial; `noiseSeed` seeds the draws of `.sampled` seeds.
    public init(problem: SearchProblem, budget: SearchBudget, noiseSeed: UInt64) {
        self.problem = problem
        self.budget = budget
        oracle = TabularOracle(table: problem.table)
        noise = SplitMix64(seed: noiseSeed)
        searchQuery = problem.searchQuery
        testQuery = problem.testQuery
        classOfRow = problem.classOfRow
        searchOptimalClass = problem.searchOptimalClass
        testOptimalClass = problem.testOptimalClass
        mergesCells = problem.classCount < problem.table.rowCount
        let rows = problem.table.rowCount
        pool = [Int32](repeating: 0, count: rows)
        for row in 0..<rows { pool[row] = Int32(row) }
        positionInPool = pool
        answers = [Float](repeating: .nan, count: rows)
        queried = [Bool](repeating: false, count: rows)
    }

    /// Queries made so far.
    public var queryCount: Int { steps.count }

    /// Whether the budget is spent, the goal reached, or nothing is left to query.
    public var isFinished: Bool {
        if pool.isEmpty { return true }
        return reached(budget)
    }

    private func reached(_ budget: SearchBudget) -> Bool {
        switch budget {
        case .queries(let n): return steps.count >= n
        case .atMost(let goal, let n): return steps.count >= n || reached(goal)
        case .untilSearchOptimum: return queriesToSearchOptimum != nil
        case .untilOptimum: return queriesToSearchOptimum != nil && queriesToTestOptimum != nil
        case .untilSearchOptimumOrRecommended:
            return queriesToSearchOptimum != nil || queriesToRecommendedSearchOptimum != nil
        }
    }

    /// Whether a row may be queried: it is in the table and neither it nor its class was queried.
    public func isAvailable(_ row: Int) -> Bool {
        row >= 0 && row < positionInPool.count && positionInPool[row] >= 0
    }

    /// The search value answered for a row queried earlier, or nil.
    public func answer(for row: Int) -> Float? {
        row >= 0 && row < queried.count && queried[row] ? answers[row] : nil
    }

    /// The rows that may still be queried, in an order that depends on the history (sort them
    /// if the order matters).
    public var availableRows: [Int32] { pool }

    /// A row drawn uniformly from those that may still be queried, or nil when none is left.
    public func randomAvailableRow(using generator: inout some RandomNumberGenerator) -> Int? {
        guard !pool.isEmpty else { return nil }
        return Int(pool[generator.nextIndex(below: pool.count)])
    }

    /// The table rows one move from `row` (``SearchDomain/neighbours(ofRow:)``), queried or not.
    public func neighbours(of row: Int) -> [Int] {
        problem.domain.neighbours(ofRow: row)
    }

    /// A mutation of `row` that may still be queried (``SearchDomain/mutate(_:isAvailable:using:)``),
    /// or, when the domain's rule finds none, a random row that may (nil when none is left).
    public func mutate(_ row: Int, using generator: inout some RandomNumberGenerator) -> Int? {
        if let child = problem.domain.mutate(row, isAvailable: isAvailable, using: &generator) { return child }
        return randomAvailableRow(using: &generator)
    }

    /// Queries a row: charges one query and its cell's training time, returns the search value.
    ///
    /// - Throws: ``SearchError`` when the session is finished, or the row is not in the table
    ///   or not available (its cell, or a cell of its class, was queried).
    @discardableResult
    public func query(_ row: Int) throws -> Float {
        guard !isFinished else { throw SearchError.budgetSpent }
        guard row >= 0, row < positionInPool.count else { throw SearchError.cellNotInTable("at row \(row)") }
        guard positionInPool[row] >= 0 else { throw SearchError.repeatedCell(problem.table.archs[row]) }
        let value = oracle.value(row: row, searchQuery, using: &noise)
        let test = oracle.valueWithoutCharging(row: row, testQuery)
        answers[row] = value
        queried[row] = true
        if mergesCells {
            for member in problem.rowsOfClass[Int(classOfRow[row])] { removeFromPool(Int(member)) }
        } else {
            removeFromPool(row)
        }
        if incumbentRow < 0 || isBetter(value, than: answers[incumbentRow]) { incumbentRow = row }
        if bestTest.isNaN || (!test.isNaN && (testQuery.higherIsBetter ? test > bestTest : test < bestTest)) {
            bestTest = test
        }
        let number = steps.count + 1
        let rowClass = Int(classOfRow[row])
        if queriesToSearchOptimum == nil && searchOptimalClass[rowClass] { queriesToSearchOptimum = number }
        if queriesToTestOptimum == nil && testOptimalClass[rowClass] { queriesToTestOptimum = number }
        let incumbentMean = oracle.valueWithoutCharging(row: incumbentRow, searchQuery)
        let incumbentTest = oracle.valueWithoutCharging(row: incumbentRow, testQuery)
        steps.append(SearchStep(
            query: number, row: row, searchValue: value, testValue: test, bestSearchValue: answers[incumbentRow],
            bestTestValue: bestTest, incumbentTestValue: incumbentTest,
            searchRegret: searchQuery.regret(incumbentMean), testRegret: testQuery.regret(incumbentTest),
            simulatedSeconds: oracle.simulatedSeconds))
        return value
    }

    /// Names `row` as the strategy's predicted best cell, without querying it: nothing is
    /// charged and nothing is answered. Only recorded: if the row's class is optimal for the
    /// search metric, ``SearchOutcome/queriesToSearchOptimumOrRecommended`` counts the queries
    /// made so far (the WeakNAS authors credit their predictor's top-1 cell this way). Rows
    /// outside the table are ignored.
    public func recommend(_ row: Int) {
        guard queriesToRecommendedSearchOptimum == nil, row >= 0, row < classOfRow.count,
            searchOptimalClass[Int(classOfRow[row])]
        else { return }
        queriesToRecommendedSearchOptimum = steps.count
    }

    private func isBetter(_ a: Float, than b: Float) -> Bool {
        if a.isNaN { return false }
        if b.isNaN { return true }
        return searchQuery.higherIsBetter ? a > b : a < b
    }

    /// Takes a row out of the pool (swap with the last, then drop it).
    private func removeFromPool(_ row: Int) {
        let position = Int(positionInPool[row])
        guard position >= 0 else { return }
        let last = pool[pool.count - 1]
        pool[position] = last
        positionInPool[Int(last)] = Int32(position)
        pool.removeLast()
        positionInPool[row] = -1
    }

    /// The measurements so far.
    public var outcome: SearchOutcome {
        let last = steps.last
        return SearchOutcome(
            queries: steps.count, queriesToSearchOptimum: queriesToSearchOptimum, queriesToTestOptimum: queriesToTestOptimum,
            secondsToSearchOptimum: queriesToSearchOptimum.map { steps[$0 - 1].simulatedSeconds },
            queriesToSearchOptimumOrRecommended: [queriesToSearchOptimum, queriesToRecommendedSearchOptimum]
                .compactMap { $0 }.min(),
            finalSearchRegret: last?.searchRegret ?? .nan, finalTestRegret: last?.testRegret ?? .nan,
            simulatedSeconds: oracle.simulatedSeconds)
    }
}
