import NASOracle
import NASPredictors
import NASSearch
import NASSpaces
import TestSupport
import XCTest

/// Search on NB101 and NAS-Bench-Graph tables: moves stay inside the table, runs are
/// reproducible, and random search keeps its analytic expectation on a sampled table.
final class SpaceSearchTests: XCTestCase {
    static let nb101Query = Query(dataset: Dataset("cifar10"), split: .valid, metric: .accuracy, epochs: 108)
    static let coraValid = Query(dataset: Dataset("cora"), split: .valid, metric: .accuracy, epochs: 400)
    static let coraTest = Query(dataset: Dataset("cora"), split: .test, metric: .accuracy, epochs: 400)

    func nb101Problem(count: Int = 40) throws -> SearchProblem {
        try SearchProblem(table: try Fixtures.nb101Table(count: count), search: Self.nb101Query, test: Self.nb101Query)
    }

    func nbgraphProblem(count: Int) throws -> SearchProblem {
        try SearchProblem(table: try Fixtures.nbgraphTable(count: count), search: Self.coraValid, test: Self.coraTest)
    }

    func testRandomSearchMatchesTheAnalyticExpectationOnASampledNB101Table() throws {
        let problem = try nb101Problem()
        let k = problem.searchQuery.optimum.rows.count
        let expected = try XCTUnwrap(problem.randomSearchExpectation)
        XCTAssertEqual(expected, 41 / Double(k + 1))
        let trials = 20_000
        var total = 0
        for seed in 0..<trials {
            let session = try SearchFixtures.run(RandomSearch(), problem, budget: .untilSearchOptimum, seed: UInt64(seed))
            total += try XCTUnwrap(session.queriesToSearchOptimum)
        }
        let mean = Double(total) / Double(trials)
        XCTAssertEqual(mean, expected, accuracy: 0.02 * expected, "random search mean \(mean) vs (N+1)/(k+1) = \(expected)")
    }

    func testNB101NeighboursAreTheNearestTableModels() throws {
        let problem = try nb101Problem()
        let domain = try XCTUnwrap(problem.domain as? NB101Domain)
        for row in 0..<domain.cells.count {
            let neighbours = domain.neighbours(ofRow: row)
            XCTAssertFalse(neighbours.isEmpty)
            XCTAssertFalse(neighbours.contains(row))
            let distances = domain.cells.map { domain.cells[row].editDistance(to: $0) }
            let nearest = distances.indices.filter { $0 != row }.map { distances[$0] }.min()
            XCTAssertEqual(neighbours, distances.indices.filter { $0 != row && distances[$0] == nearest })
        }
    }

    func testNB101MutationStaysInTheTableAndIsSeeded() throws {
        let domain = try XCTUnwrap(try nb101Problem().domain as? NB101Domain)
        var a = SplitMix64(seed: 3), b = SplitMix64(seed: 3)
        let taken: Set<Int> = [0, 1, 2, 5, 8]
        for row in 0..<domain.cells.count {
            let child = domain.mutate(row, isAvailable: { !taken.contains($0) }, using: &a)
            XCTAssertEqual(child, domain.mutate(row, isAvailable: { !taken.contains($0) }, using: &b))
            let found = try XCTUnwrap(child)
            XCTAssertFalse(taken.contains(found))
            XCTAssertTrue((0..<domain.cells.count).contains(found))
        }
        XCTAssertNil(domain.mutate(0, isAvailable: { _ in false }, using: &a))
    }

    func testNBGraphNeighboursAreOneChangeAwayAndInTheTable() throws {
        let problem = try nbgraphProblem(count: 500)
        let domain = try XCTUnwrap(problem.domain as? NBGraphDomain)
        var generator = SplitMix64(seed: 9)
        for row in stride(from: 0, to: 500, by: 7) {
            let oneChange = Set(domain.space.distinctNeighbours(of: domain.cells[row]))
            for neighbour in domain.neighbours(ofRow: row) {
                XCTAssertTrue(oneChange.contains(domain.cells[neighbour]))
            }
            if let child = domain.mutate(row, isAvailable: { $0 != row }, using: &generator) {
                XCTAssertTrue(oneChange.contains(domain.cells[child]), "mutation of row \(row) is one change away")
            }
        }
    }

    func testEveryStrategyFindsTheOptimumReproducibly() throws {
        let problems = [("nb101", try nb101Problem()), ("nbgraph", try nbgraphProblem(count: 300))]
        for (space, problem) in problems {
            for strategy in try SearchFixtures.strategies(small: true) {
                let first = try SearchFixtures.run(strategy, problem, budget: .untilSearchOptimum, seed: 5)
                let again = try SearchFixtures.run(strategy, problem, budget: .untilSearchOptimum, seed: 5)
                XCTAssertNotNil(first.queriesToSearchOptimum, "\(space) \(strategy.name)")
                XCTAssertEqual(first.steps, again.steps, "\(space) \(strategy.name) is not reproducible")
                let rows = first.steps.map(\.row)
                XCTAssertEqual(Set(rows).count, rows.count, "\(space) \(strategy.name) repeated a cell")
            }
        }
    }

    func testWeakNASRanksWithEachSpacesEncodings() throws {
        for problem in [try nb101Problem(), try nbgraphProblem(count: 300)] {
            let shape = problem.domain.graphShape
            let gcn = PredictorRankingModel<GCNPredictor>(
                name: "gcn", configuration: GCNConfiguration(epochs: 3, nodeCount: shape.nodeCount, opClassCount: shape.opClassCount),
                encoding: .graph)
            let rf = PredictorRankingModel<RandomForest>(name: "rf", configuration: RandomForestConfiguration())
            let strategies: [any SearchStrategy] = [
                try WeakNAS(model: gcn, initialSamples: 5, topN: 10, batchSize: 3),
                try WeakNAS(model: rf, initialSamples: 5, topN: 10, batchSize: 3),
            ]
            for strategy in strategies {
                let session = try SearchFixtures.run(strategy, problem, budget: .queries(20), seed: 1)
                XCTAssertEqual(session.queryCount, 20, strategy.name)
            }
        }
        let path = PredictorRankingModel<RandomForest>(name: "rf", configuration: RandomForestConfiguration(), encoding: .path)
        let session = SearchSession(problem: try nbgraphProblem(count: 50), budget: .queries(20), noiseSeed: 0)
        var generator = SplitMix64(seed: 0)
        XCTAssertThrowsError(try WeakNAS(model: path, initialSamples: 5).run(session, using: &generator)) { error in
            XCTAssertEqual("\(error)", "encoding path is not defined for NAS-Bench-Graph (use one of: adjacency_one_hot, graph)")
        }
    }
}
