import NASOracle
import NASSearch
import NASSpaces
import TestSupport
import XCTest

final class SearchStrategyTests: XCTestCase {
    func testRandomSearchMatchesTheAnalyticExpectation() throws {
        let problem = try SearchFixtures.problem(count: 50)
        let k = problem.searchQuery.optimum.rows.count
        let expected = try XCTUnwrap(problem.randomSearchExpectation)
        XCTAssertEqual(expected, 51 / Double(k + 1))
        let trials = 20_000
        var total = 0
        for seed in 0..<trials {
            let session = try SearchFixtures.run(RandomSearch(), problem, budget: .untilSearchOptimum, seed: UInt64(seed))
            total += try XCTUnwrap(session.queriesToSearchOptimum)
            XCTAssertEqual(session.queryCount, session.queriesToSearchOptimum)
        }
        let mean = Double(total) / Double(trials)
        XCTAssertEqual(mean, expected, accuracy: 0.02 * expected, "random search mean \(mean) vs (N+1)/(k+1) = \(expected)")
    }

    func testNoStrategyRepeatsACell() throws {
        let problem = try SearchFixtures.problem(count: 50)
        for strategy in try SearchFixtures.strategies(small: true) {
            for seed in 0..<5 {
                let session = try SearchFixtures.run(strategy, problem, budget: .queries(50), seed: UInt64(seed))
                let rows = session.steps.map(\.row)
                XCTAssertEqual(rows.count, 50, "\(strategy.name) should exhaust the 50-cell table")
                XCTAssertEqual(Set(rows).count, rows.count, "\(strategy.name) repeated a cell")
            }
        }
    }

    func testNoStrategyRepeatsAnIsomorphismClass() throws {
        let problem = try SearchFixtures.problem(count: 625, uniqueness: .benchmark)
        XCTAssertLessThan(problem.classCount, 625)
        for strategy in try SearchFixtures.strategies(small: true) {
            let session = try SearchFixtures.run(strategy, problem, budget: .queries(problem.classCount), seed: 3)
            let classes = session.steps.map { problem.classOfRow[$0.row] }
            XCTAssertEqual(classes.count, problem.classCount, "\(strategy.name) should visit every class once")
            XCTAssertEqual(Set(classes).count, classes.count, "\(strategy.name) repeated a class")
        }
    }

    func testSameSeedSameSearchAndBudgetsAreKept() throws {
        let problem = try SearchFixtures.problem(count: 625)
        for strategy in try SearchFixtures.strategies(small: true) {
            let a = try SearchFixtures.run(strategy, problem, budget: .queries(60), seed: 11)
            let b = try SearchFixtures.run(strategy, problem, budget: .queries(60), seed: 11)
            let c = try SearchFixtures.run(strategy, problem, budget: .queries(60), seed: 12)
            XCTAssertEqual(a.steps, b.steps, strategy.name)
            XCTAssertNotEqual(a.steps.map(\.row), c.steps.map(\.row), strategy.name)
            XCTAssertEqual(a.queryCount, 60, strategy.name)
            let both = try SearchFixtures.run(strategy, problem, budget: .untilOptimum, seed: 11)
            XCTAssertEqual(both.queryCount, max(both.queriesToSearchOptimum ?? 0, both.queriesToTestOptimum ?? 0), strategy.name)
        }
    }

    func testACappedGoalStopsAtTheGoalOrTheCapWhicheverComesFirst() throws {
        let problem = try SearchFixtures.problem(count: 625)
        for seed in 0..<20 {
            let goal = try SearchFixtures.run(RandomSearch(), problem, budget: .untilSearchOptimum, seed: UInt64(seed))
            let found = try XCTUnwrap(goal.queriesToSearchOptimum)
            let cap = 40
            let capped = try SearchFixtures.run(RandomSearch(), problem, budget: .atMost(.untilSearchOptimum, cap), seed: UInt64(seed))
            XCTAssertEqual(capped.queryCount, min(found, cap))
            XCTAssertEqual(capped.steps, Array(goal.steps.prefix(min(found, cap))))
            XCTAssertEqual(capped.queriesToSearchOptimum, found <= cap ? found : nil)
        }
    }

    func testSessionChargesOnlySearchQueriesAndTracksTheIncumbent() throws {
        let problem = try SearchFixtures.problem(count: 50, seed: .mean)
        let session = SearchSession(problem: problem, budget: .queries(3), noiseSeed: 0)
        let rows = [7, 3, 40]
        let values = try rows.map { try session.query($0) }
        // The fixture's time column is 1000 + rank (= row): only the three search queries are charged.
        XCTAssertEqual(session.outcome.simulatedSeconds, Double(rows.reduce(0) { $0 + 1000 + $1 }))
        XCTAssertThrowsError(try session.query(8)) { XCTAssertEqual($0 as? SearchError, .budgetSpent) }
        let fresh = SearchSession(problem: problem, budget: .queries(3), noiseSeed: 0)
        try fresh.query(rows[0])
        XCTAssertThrowsError(try fresh.query(rows[0])) { error in
            XCTAssertEqual(error as? SearchError, .repeatedCell(problem.table.archs[rows[0]]))
        }
        XCTAssertThrowsError(try fresh.query(50)) { XCTAssertEqual($0 as? SearchError, .cellNotInTable("at row 50")) }
        let best = values.max() ?? .nan
        let last = try XCTUnwrap(session.steps.last)
        XCTAssertEqual(last.bestSearchValue, best)
        XCTAssertEqual(last.searchRegret, problem.searchQuery.optimum.value - best)
        XCTAssertEqual(session.steps.map(\.query), [1, 2, 3])
    }

    func testSampledSeedsAnswerOneOfTheCellsSeeds() throws {
        let problem = try SearchFixtures.problem(count: 50, seed: .sampled)
        let seeds = try problem.table.seedColumns(of: Fixtures.accuracyKey).map { try problem.table.column($0) }
        let session = try SearchFixtures.run(RandomSearch(), problem, budget: .queries(50), seed: 5)
        for step in session.steps {
            XCTAssertTrue(seeds.contains { $0[step.row] == step.searchValue }, "row \(step.row): \(step.searchValue)")
        }
    }

    func testBadBudgetsAndHyperparameters() {
        XCTAssertEqual(try SearchBudget(parsing: "25"), .queries(25))
        XCTAssertEqual(try SearchBudget(parsing: "until-optimum"), .untilOptimum)
        XCTAssertThrowsError(try SearchBudget(parsing: "0"))
        XCTAssertThrowsError(try SearchBudget(parsing: "lots"))
        let capped = try? SearchBudget(parsing: "until-search-optimum-or-top1,max=1000")
        XCTAssertEqual(capped, .atMost(.untilSearchOptimumOrRecommended, 1000))
        XCTAssertEqual(capped?.description, "until-search-optimum-or-top1,max=1000")
        for bad in ["25,max=10", "until-optimum,max=0", "until-optimum,cap=5", "until-optimum,max=5,max=6", "nope,max=5"] {
            XCTAssertThrowsError(try SearchBudget(parsing: bad), bad)
        }
        XCTAssertThrowsError(try RegularizedEvolution(populationSize: 0))
    }
}
