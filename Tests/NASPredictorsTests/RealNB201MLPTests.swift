import Foundation
import NASOracle
import NASPredictors
import NASSpaces
import TestSupport
import XCTest

/// ``MLPPredictor`` against scikit-learn's `MLPRegressor` (same hyperparameters, same seeded
/// splits) on real NAS-Bench-201 (`$NASBENCH_DATA/nb201`): cifar10-valid valid accuracy (200
/// epochs), adjacency one-hot features, Kendall tau on all held-out cells. To stay within
/// seconds it uses 4 hidden layers of 128 units and 2 seeds; the full-width table (4 x 1000) is in
/// docs/RESULTS.md (`tools/predictor_compare.sh DATA 50,100,200 2 mlp`).
final class RealNB201MLPTests: XCTestCase {
    func testMLPMatchesScikitLearn() throws {
        let path = try RealData.file("nb201/nb201_full.csv")
        try ReferencePython.require(["sklearn", "scipy", "numpy"])
        let key = try ColumnKey(name: "cifar10-valid.valid.accuracy.e200")
        let table = try CSVImporter(
            codec: .nb201, archColumn: "arch_str", indexColumn: "index", mapping: [("cifar10valid_valid_200", key)],
            allowMissing: false, source: "nb201_full.csv"
        ).importTable(from: path)
        let space = NB201Space()
        let cells = try table.archs.map { try space.parse($0) }
        let labels = try table.column(key).map(Double.init)
        XCTAssertEqual(labels.count, 15_625)
        let features = space.features(of: cells, as: .adjacencyOneHot)

        let configuration = MLPConfiguration(hiddenLayers: [128, 128, 128, 128])
        let size = 100, seeds = 0..<2
        var splitLines = ["size,seed,train"]
        var ours: [Double] = []
        for seed in seeds {
            var rng = SplitMix64(seed: UInt64(seed))
            let split = try TrainTestSplit(count: cells.count, trainSize: size, using: &rng)
            var model = MLPPredictor(configuration: configuration)
            try model.fit(features.rows(split.train), labels: split.train.map { labels[$0] }, using: &rng)
            let predictions = try model.predict(features.rows(split.test))
            ours.append(try RankingMetrics.kendallTau(predictions, split.test.map { labels[$0] }))
            splitLines.append("\(size),\(seed),\(split.train.map(String.init).joined(separator: ";"))")
        }

        let temp = try TemporaryFolder()
        try temp.write("splits.csv", splitLines.joined(separator: "\n") + "\n")
        try JSONEncoder().encode(configuration).write(to: URL(fileURLWithPath: temp.file("config.json")))
        let output = try ReferencePython.runTool(
            "predictor_reference.py",
            ["--data", path, "--splits", temp.file("splits.csv"), "--config", temp.file("config.json"), "--json"])
        var theirs: [Double] = []
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            theirs.append(try XCTUnwrap(object["tau"] as? Double))
        }
        XCTAssertEqual(theirs.count, seeds.count)
        let meanOurs = ours.reduce(0, +) / Double(ours.count)
        let meanTheirs = theirs.reduce(0, +) / Double(theirs.count)
        XCTAssertGreaterThanOrEqual(
            meanOurs, meanTheirs - 0.02, "train size \(size): MLP tau \(meanOurs) vs sklearn \(meanTheirs) (\(ours) vs \(theirs))")
        XCTAssertGreaterThan(meanOurs, 0.4, "the MLP must rank cells")
    }
}
