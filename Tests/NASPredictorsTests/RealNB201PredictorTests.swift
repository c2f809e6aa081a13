import Foundation
import NASOracle
import NASPredictors
import NASSpaces
import TestSupport
import XCTest

/// The random forest against scikit-learn on real NAS-Bench-201 (`$NASBENCH_DATA/nb201`):
/// cifar10-valid valid accuracy (200 epochs), adjacency one-hot features, seeded train splits,
/// Kendall tau on all held-out cells. The full table is in docs/RESULTS.md
/// (tools/predictor_compare.sh); this checks two train sizes in well under a minute.
final class RealNB201PredictorTests: XCTestCase {
    func testRandomForestMatchesScikitLearn() throws {
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
        XCTAssertEqual(labels.max() ?? 0, 91.6067, accuracy: 1e-3, "the published best cifar10-valid accuracy")
        let features = space.features(of: cells, as: .adjacencyOneHot)

        let configuration = RandomForestConfiguration()
        let sizes = [100, 500], seeds = 0..<3
        var splitLines = ["size,seed,train"]
        var ours: [Int: [Double]] = [:]
        for size in sizes {
            for seed in seeds {
                var rng = SplitMix64(seed: UInt64(seed))
                let split = try TrainTestSplit(count: cells.count, trainSize: size, using: &rng)
                var forest = RandomForest(configuration: configuration)
                try forest.fit(features.rows(split.train), labels: split.train.map { labels[$0] }, using: &rng)
                let predictions = try forest.predict(features.rows(split.test))
                ours[size, default: []].append(try RankingMetrics.kendallTau(predictions, split.test.map { labels[$0] }))
                splitLines.append("\(size),\(seed),\(split.train.map(String.init).joined(separator: ";"))")
            }
        }

        let temp = try TemporaryFolder()
        try temp.write("splits.csv", splitLines.joined(separator: "\n") + "\n")
        try JSONEncoder().encode(configuration).write(to: URL(fileURLWithPath: temp.file("config.json")))
        let output = try ReferencePython.runTool(
            "predictor_reference.py",
            ["--data", path, "--splits", temp.file("splits.csv"), "--config", temp.file("config.json"), "--json"])
        var theirs: [Int: [Double]] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let size = try XCTUnwrap(object["size"] as? Int), tau = try XCTUnwrap(object["tau"] as? Double)
            theirs[size, default: []].append(tau)
        }
        for size in sizes {
            let mine = try XCTUnwrap(ours[size]), reference = try XCTUnwrap(theirs[size])
            XCTAssertEqual(reference.count, seeds.count)
            let meanMine = mine.reduce(0, +) / Double(mine.count)
            let meanReference = reference.reduce(0, +) / Double(reference.count)
            XCTAssertGreaterThanOrEqual(
                meanMine, meanReference - 0.02,
                "train size \(size): RandomForest tau \(meanMine) vs sklearn \(meanReference) (seeds \(mine) vs \(reference))")
            XCTAssertGreaterThan(meanMine, 0.4, "train size \(size): the forest must rank cells")
        }
    }
}
