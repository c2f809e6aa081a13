import Foundation
import NASConet
import NASCore
import TestSupport
import XCTest

/// The search between trials against a numpy restatement of the authors' steps
/// (tools/reference/conet_search_reference.py), on random layer metrics, and its edge rules.
final class ChannelSearchTests: XCTestCase {
    struct Reference: Decodable {
        let widths: [[Int]], combined: [Double], best_trial: Int?, best_widths: [Int]?, best_metric: Double
    }

    func testMatchesTheAuthorsStepsOnRandomMetrics() throws {
        try ReferencePython.require(["numpy"])
        let graph = try ChannelGraph.model(named: "resnet20").graph
        let convs = graph.convolutions.count
        let groups = graph.dependencyGroups()
        let index = Dictionary(uniqueKeysWithValues: graph.convolutions.enumerated().map { ($1.name, $0) })
        var cases = 0
        for (algorithm, gamma, seed) in [(ChannelSearch.Algorithm.simulatedAnnealing, 0.8, UInt64(1)), (.simulatedAnnealing, 0.6, 2),
                                         (.greedy, 0.8, 3), (.greedy, 0.5, 4), (.simulatedAnnealing, 0.95, 5)] {
            var settings = ChannelSearch.Settings()
            settings.algorithm = algorithm
            settings.trials = 12
            settings.gamma = gamma
            settings.stepSize = 8
            settings.minWidth = 8
            settings.maxWidth = 128
            var search = try ChannelSearch(graph: graph, initialWidths: Array(repeating: 8, count: groups.count), settings: settings)
            var rng = SplitMix64(seed: seed)
            var metrics: [[String: [[Double]]]] = [], draws: [[Double]] = [], widths: [[Int]] = [], combined: [Double] = []
            var accepted = 0
            while !search.isFinished {
                // Metrics like QC (0 .. pi/2), drifting with the trial so deltas take both signs.
                let drift = Double(search.trial % 3) * 0.2
                let input = (0..<convs).map { _ in (0..<2).map { _ in rng.nextDouble(in: 0..<1.2) + drift } }
                let output = (0..<convs).map { _ in (0..<2).map { _ in rng.nextDouble(in: 0..<1.2) + drift } }
                metrics.append(["input": input, "output": output])
                let drawSeed = seed &* 1000 &+ UInt64(search.trial)
                var drawRNG = SplitMix64(seed: drawSeed)
                draws.append((0..<groups.count).map { _ in drawRNG.nextUnitDouble() })
                var stepRNG = SplitMix64(seed: drawSeed)
                let step = try search.advance(input: input, output: output, using: &stepRNG)
                widths.append(search.widths)
                combined.append(step.combinedMetric)
                accepted += step.moves.filter(\.accepted).count
            }
            let scenario: [String: Any] = [
                "groups": groups.map { [$0.producers.map { index[$0]! }, $0.consumers.map { index[$0]! }] },
                "widths": Array(repeating: 8, count: groups.count),
                "settings": ["algorithm": algorithm.rawValue, "trials": settings.trials, "gamma": gamma, "alpha": settings.alpha,
                             "step_size": settings.stepSize, "min_width": settings.minWidth, "max_width": settings.maxWidth,
                             "select_from": settings.selectFrom],
                "metrics": metrics, "draws": draws,
            ]
            let path = NSTemporaryDirectory() + "conet-search-scenario-\(seed).json"
            try JSONSerialization.data(withJSONObject: scenario).write(to: URL(fileURLWithPath: path))
            let reference = try JSONDecoder().decode(Reference.self, from: ReferencePython.runTool("reference/conet_search_reference.py", [path]))
            XCTAssertEqual(widths, reference.widths, "\(algorithm) gamma \(gamma)")
            for (a, b) in zip(combined, reference.combined) { XCTAssertEqual(a, b, accuracy: 1e-12 * max(1, abs(b))) }
            XCTAssertEqual(search.bestTrial, reference.best_trial)
            XCTAssertEqual(search.bestWidths, reference.best_widths)
            XCTAssertEqual(search.bestMetric, reference.best_metric, accuracy: 1e-12)
            // The widths must actually move in both directions somewhere, or the check is weak.
            let moved = zip(widths.dropFirst(), widths).flatMap { zip($0, $1).map { $0 - $1 } }
            XCTAssertTrue(moved.contains { $0 != 0 }, "\(algorithm): no width moved")
            if algorithm == .simulatedAnnealing { XCTAssertGreaterThan(accepted, 0, "no annealing step was taken") }
            XCTAssertNotNil(search.bestTrial)
            cases += 1
        }
        XCTAssertEqual(cases, 5)
    }

    /// `round_even` is Python's round (half to even) of width * factor / 2, times 2.
    func testScalingRoundsHalfToEvenAndClips() {
        XCTAssertEqual(ChannelSearch.scaled(14, delta: 0.5, min: 8, max: 128), 20)   // 21 / 2 = 10.5 -> 10
        XCTAssertEqual(ChannelSearch.scaled(18, delta: 0.5, min: 8, max: 128), 28)   // 27 / 2 = 13.5 -> 14
        XCTAssertEqual(ChannelSearch.scaled(16, delta: 5, min: 8, max: 128), 32)     // factor clipped to 2
        XCTAssertEqual(ChannelSearch.scaled(16, delta: -5, min: 8, max: 128), 8)     // factor clipped to 0.5
        XCTAssertEqual(ChannelSearch.scaled(100, delta: 0.5, min: 8, max: 128), 128) // bound
        XCTAssertEqual(ChannelSearch.scaled(10, delta: -0.5, min: 8, max: 128), 8)   // bound
    }

    func testSettingsThatCannotSelectOrBoundsThatCannotHoldAreOneLineErrors() throws {
        let graph = try ChannelGraph.model(named: "resnet20").graph
        var settings = ChannelSearch.Settings()
        settings.trials = 6
        XCTAssertThrowsError(try ChannelSearch(graph: graph, initialWidths: Array(repeating: 16, count: 12), settings: settings)) {
            XCTAssertTrue("\($0)".contains("at least 7"), "\($0)")
        }
        settings = ChannelSearch.Settings()
        settings.minWidth = 64
        settings.maxWidth = 32
        XCTAssertThrowsError(try ChannelSearch(graph: graph, initialWidths: Array(repeating: 16, count: 12), settings: settings))
        XCTAssertThrowsError(try ChannelSearch(graph: graph, initialWidths: Array(repeating: 8, count: 12), settings: ChannelSearch.Settings())) {
            XCTAssertFalse("\($0)".contains("\n"))
        }
        XCTAssertThrowsError(try ChannelSearch(graph: graph, initialWidths: [16], settings: ChannelSearch.Settings()))
    }
}
