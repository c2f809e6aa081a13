import Foundation
import NASPredictors
import NASSpaces
import XCTest

/// ``GCNPredictor`` on ``Encoding/graph`` rows: it learns, and a seed fixes it bit for bit.
final class GCNPredictorTests: XCTestCase {
    func testLearnsHeldOutCellsAndIsBitForBitReproducible() throws {
        let space = NB201Space()
        let cells = Array(space.allCells.prefix(500))
        let labels = cells.map { cell -> Double in
            let ops = cell.ops.map(\.index)
            return Double(ops.reduce(0, +)) + (ops[0] == ops[5] ? 3 : 0)
        }
        let features = space.features(of: cells, as: .graph)
        let train = Array(0..<300), test = Array(300..<500)
        // Fewer, larger steps than NASLib's 300 epochs of 7 to stay within seconds.
        let configuration = GCNConfiguration(learningRate: 3e-3, epochs: 30, batchSize: 16)
        var runs: [[Double]] = []
        for _ in 0..<2 {
            var model = GCNPredictor(configuration: configuration)
            var generator = SplitMix64(seed: 5)
            try model.fit(features.rows(train), labels: train.map { labels[$0] }, using: &generator)
            runs.append(try model.predict(features.rows(test)))
        }
        XCTAssertEqual(runs[0].map(\.bitPattern), runs[1].map(\.bitPattern))
        let tau = try RankingMetrics.kendallTau(runs[0], test.map { labels[$0] })
        XCTAssertGreaterThan(tau, 0.5, "held-out Kendall tau")

        var model = GCNPredictor(configuration: configuration)
        var generator = SplitMix64(seed: 5)
        let flat = space.features(of: Array(cells.prefix(20)), as: .adjacencyOneHot)
        XCTAssertThrowsError(try model.fit(flat, labels: Array(labels.prefix(20)), using: &generator))
        XCTAssertEqual(GCNConfiguration().gcnHidden, 144)
        XCTAssertEqual(GCNConfiguration().epochs, 300)
    }
}
