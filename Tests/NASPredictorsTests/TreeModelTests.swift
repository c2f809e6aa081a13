import Foundation
import NASPredictors
import NASSpaces
import XCTest

/// Random forest and gradient boosting on small data with known answers.
final class TreeModelTests: XCTestCase {
    func matrix(_ rows: [[Double]]) throws -> FeatureMatrix { try FeatureMatrix(rows: rows) }

    func testOneTreeSplitsAtTheMidpoint() throws {
        var forest = RandomForest(
            configuration: RandomForestConfiguration(treeCount: 1, maxFeatures: .all, minSamplesLeaf: 1))
        var rng = SplitMix64(seed: 1)
        try forest.fit(try matrix([[0], [1], [2], [3]]), labels: [0, 0, 10, 10], using: &rng)
        XCTAssertEqual(forest.trees[0].nodeCount, 3)
        XCTAssertEqual(forest.trees[0].threshold[0], 1.5)
        XCTAssertEqual(try forest.predict(try matrix([[1.4], [1.5], [1.6], [-7]])), [0, 0, 10, 0])
    }

    func testLimitsAreRespected() throws {
        let task = Synthetic.nb201Task(count: 300, seed: 2)
        var rng = SplitMix64(seed: 3)
        var shallow = RandomForest(configuration: RandomForestConfiguration(treeCount: 4, maxDepth: 2))
        try shallow.fit(task.features, labels: task.labels, using: &rng)
        for tree in shallow.trees {
            XCTAssertLessThanOrEqual(tree.leafCount, 4, "depth 2: at most 4 leaves")
        }
        var leafy = RandomForest(configuration: RandomForestConfiguration(treeCount: 4, minSamplesLeaf: 7))
        try leafy.fit(task.features, labels: task.labels, using: &rng)
        for tree in leafy.trees {
            var counts: [Int: Int] = [:]
            for row in 0..<task.features.rowCount {
                var node = 0
                while tree.feature[node] >= 0 {
                    let x = task.features[row, Int(tree.feature[node])]
                    node = Int(x <= tree.threshold[node] ? tree.left[node] : tree.right[node])
                }
                counts[node, default: 0] += 1
            }
            XCTAssertGreaterThanOrEqual(counts.values.min() ?? 0, 7)
        }
    }

    func testFullTreeInterpolatesDistinctRows() throws {
        let task = Synthetic.nb201Task(count: 200, seed: 4)
        var forest = RandomForest(
            configuration: RandomForestConfiguration(treeCount: 1, maxFeatures: .all, minSamplesLeaf: 1))
        var rng = SplitMix64(seed: 5)
        try forest.fit(task.features, labels: task.labels, using: &rng)
        let predictions = try forest.predict(task.features)
        // duplicated cells share the mean of their labels; all others are fitted exactly
        var groups: [[Double]: [Int]] = [:]
        for row in 0..<200 { groups[Array(task.features.row(row)), default: []].append(row) }
        for rows in groups.values {
            let mean = rows.map { task.labels[$0] }.reduce(0, +) / Double(rows.count)
            for row in rows { XCTAssertEqual(predictions[row], mean, accuracy: 1e-9) }
        }
    }

    func testForestIsReproducibleAndLearns() throws {
        let train = Synthetic.nb201Task(count: 400, seed: 6)
        let test = Synthetic.nb201Task(count: 400, seed: 7)
        for bootstrap in [false, true] {
            let configuration = RandomForestConfiguration(treeCount: 40, bootstrap: bootstrap)
            var first = RandomForest(configuration: configuration), second = first, other = first
            var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42), c = SplitMix64(seed: 43)
            try first.fit(train.features, labels: train.labels, using: &a)
            try second.fit(train.features, labels: train.labels, using: &b)
            try other.fit(train.features, labels: train.labels, using: &c)
            let predictions = try first.predict(test.features)
            XCTAssertEqual(predictions, try second.predict(test.features), "same seed: bit-identical")
            XCTAssertEqual(first.trees, second.trees)
            XCTAssertNotEqual(predictions, try other.predict(test.features))
            XCTAssertGreaterThan(try RankingMetrics.kendallTau(predictions, test.labels), 0.6)
            let distribution = try first.predictDistribution(test.features)
            XCTAssertEqual(distribution.mean, predictions)
            XCTAssertTrue(distribution.std.contains { $0 > 0 })
        }
    }

    func testGradientBoostingClosedForm() throws {
        // Two groups, labels 0 and 10: F_0 = 5, every stump predicts the residuals -+5(1-lr)^m,
        // so after M rounds F(x=1) = 5 + 5 (1 - (1 - lr)^M).
        let x = try matrix([[0], [0], [1], [1]])
        var model = GradientBoostedTrees(configuration: GradientBoostingConfiguration(treeCount: 10, learningRate: 0.1))
        var rng = SplitMix64(seed: 0)
        try model.fit(x, labels: [0, 0, 10, 10], using: &rng)
        let expected = 5 + 5 * (1 - (0..<10).reduce(1.0) { value, _ in value * 0.9 })
        let predictions = try model.predict(try matrix([[1], [0]]))
        XCTAssertEqual(predictions[0], expected, accuracy: 1e-12)
        XCTAssertEqual(predictions[1], 10 - expected, accuracy: 1e-12)
    }

    func testGradientBoostingLearnsAndIsReproducible() throws {
        let train = Synthetic.nb201Task(count: 300, seed: 8)
        let test = Synthetic.nb201Task(count: 300, seed: 9)
        let configuration = GradientBoostingConfiguration(treeCount: 50, subsample: 0.8)
        var first = GradientBoostedTrees(configuration: configuration), second = first
        var a = SplitMix64(seed: 1), b = SplitMix64(seed: 1)
        try first.fit(train.features, labels: train.labels, using: &a)
        try second.fit(train.features, labels: train.labels, using: &b)
        let predictions = try first.predict(test.features)
        XCTAssertEqual(predictions, try second.predict(test.features))
        XCTAssertGreaterThan(try RankingMetrics.kendallTau(predictions, test.labels), 0.6)
        let trainError = try RankingMetrics.rootMeanSquaredError(
            predicted: try first.predict(train.features), actual: train.labels)
        XCTAssertLessThan(trainError, 1.0)
    }

    func testEnsembleMeanAndSpread() throws {
        let train = Synthetic.nb201Task(count: 200, seed: 10)
        let test = Synthetic.nb201Task(count: 50, seed: 11)
        let configuration = EnsembleConfiguration(
            memberCount: 3, bootstrap: true, member: GradientBoostingConfiguration(treeCount: 20))
        var ensemble = Ensemble<GradientBoostedTrees>(configuration: configuration)
        var rng = SplitMix64(seed: 12)
        try ensemble.fit(train.features, labels: train.labels, using: &rng)
        XCTAssertEqual(ensemble.members.count, 3)
        let members = try ensemble.members.map { try $0.predict(test.features) }
        let distribution = try ensemble.predictDistribution(test.features)
        for row in 0..<50 {
            let values = members.map { $0[row] }
            let mean = values.reduce(0, +) / 3
            let std = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
            XCTAssertEqual(distribution.mean[row], mean, accuracy: 1e-12)
            XCTAssertEqual(distribution.std[row], std, accuracy: 1e-12)
        }
        XCTAssertTrue(distribution.std.contains { $0 > 0 }, "bootstrap members differ")
        let best = train.labels.max() ?? 0
        let ei = expectedImprovement(distribution, best: best)
        XCTAssertEqual(ei.count, 50)
        XCTAssertTrue(ei.allSatisfy { $0 >= 0 })
    }
}
