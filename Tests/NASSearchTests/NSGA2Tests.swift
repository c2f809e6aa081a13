import NASCore
import NASSpaces
import XCTest

@testable import NASSearch

final class NSGA2Tests: XCTestCase {
    func testNonDominatedSortAndCrowding() {
        let points: [[Double]] = [[1, 5], [2, 2], [5, 1], [3, 3], [6, 6]]
        XCTAssertEqual(Pareto.nonDominatedSort(points), [[0, 1, 2], [3], [4]])
        let d = Pareto.crowdingDistance([0, 1, 2], points)
        XCTAssertEqual(d[0], .infinity)
        XCTAssertEqual(d[2], .infinity)
        XCTAssertEqual(d[1], (5.0 - 1) / 4 + (5.0 - 1) / 4, accuracy: 1e-12)
    }

    func testNonDominated2DMatchesTheFirstFront() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<20 {
            // Coarse values, so ties in one or both objectives are common.
            let points = (0..<60).map { _ in [Double(rng.nextUniform(below: 8)), Double(rng.nextUniform(below: 8))] }
            XCTAssertEqual(Pareto.nonDominated2D(points), Pareto.nonDominatedSort(points).first ?? [])
        }
        XCTAssertEqual(Pareto.nonDominated2D([]), [])
    }

    func testHypervolume2D() {
        XCTAssertEqual(Pareto.hypervolume2D([[0, 0]], reference: [1, 1]), 1)
        XCTAssertEqual(Pareto.hypervolume2D([[0.5, 0], [0, 0.5], [0.6, 0.6]], reference: [1, 1]), 0.75, accuracy: 1e-12)
    }

    func testNSGA2IsSeededAndFindsTheFrontOfASyntheticProblem() throws {
        // Objectives: number of conv edges (cost) against a count of non-conv, non-none edges.
        func objectives(_ cell: NB201Cell) -> [Double] {
            let convs = cell.ops.filter { $0 == .norConv3x3 }.count
            return [Double(6 - convs), Double(convs) + Double(cell.ops.filter { $0 == .none }.count)]
        }
        var a = SplitMix64(seed: 1), b = SplitMix64(seed: 1)
        let nsga = NSGA2(populationSize: 12, generations: 10)
        let first = try nsga.run(objectives: objectives, using: &a)
        let second = try nsga.run(objectives: objectives, using: &b)
        XCTAssertEqual(first.population, second.population)
        // The true front is x + y = 6 (no `none` edges); the search should reach it everywhere.
        let front = Pareto.nonDominatedSort(first.objectives)[0]
        XCTAssertTrue(front.allSatisfy { first.objectives[$0].reduce(0, +) == 6 })
    }

    func testGenerationCallbackSeesEveryGenerationAndChangesNothing() throws {
        func objectives(_ cell: NB201Cell) -> [Double] {
            [Double(cell.ops.filter { $0 == .norConv3x3 }.count), Double(cell.ops.filter { $0 == .skipConnect }.count)]
        }
        let nsga = NSGA2(populationSize: 8, generations: 5)
        var a = SplitMix64(seed: 4), b = SplitMix64(seed: 4)
        var seen: [(generation: Int, population: [NB201Cell], evaluations: Int)] = []
        let watched = try nsga.run(objectives: objectives, onGeneration: { generation, population, points, evaluations in
            XCTAssertEqual(points, population.map(objectives))
            seen.append((generation, population, evaluations))
        }, using: &a)
        let plain = try nsga.run(objectives: objectives, using: &b)
        XCTAssertEqual(watched.population, plain.population, "the callback draws no random numbers")
        XCTAssertEqual(seen.map(\.generation), Array(0...5))
        XCTAssertEqual(seen.last?.population, watched.population)
        XCTAssertEqual(seen.last?.evaluations, watched.evaluated.count)
        XCTAssertEqual(seen.map(\.evaluations), seen.map(\.evaluations).sorted())
        XCTAssertLessThanOrEqual(seen[0].evaluations, 8)
    }
}
