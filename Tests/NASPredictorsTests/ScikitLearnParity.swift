import Foundation
import NASOracle
import NASPredictors
import NASSpaces
import TestSupport
import XCTest

/// A predictor against its scikit-learn counterpart (`tools/reference/predictor_reference.py`, same
/// hyperparameters, same seeded splits) on real NAS-Bench-201 (`$NASBENCH_DATA/nb201`):
/// cifar10-valid valid accuracy (200 epochs), adjacency one-hot features, Kendall tau on all
/// held-out cells. Shared by the parity tests of each model.
enum ScikitLearnParity {
    /// Mean held-out Kendall tau per train size: ours and scikit-learn's.
    struct Taus {
        var ours: [Int: Double]
        var theirs: [Int: Double]
    }

    /// Fits `P` with `configuration` on seeded splits of each size (seed `s`: `SplitMix64(s)`
    /// draws the split and then seeds the fit), and runs the reference on the same splits.
    static func compare<P: Predictor>(
        _: P.Type, configuration: P.Configuration, sizes: [Int], seeds: Range<Int>
    ) throws -> Taus {
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

        var splitLines = ["size,seed,train"]
        var ours: [Int: [Double]] = [:]
        for size in sizes {
            for seed in seeds {
                var rng = SplitMix64(seed: UInt64(seed))
                let split = try TrainTestSplit(count: cells.count, trainSize: size, using: &rng)
                var model = P(configuration: configuration)
                try model.fit(features.rows(split.train), labels: split.train.map { labels[$0] }, using: &rng)
                let predictions = try model.predict(features.rows(split.test))
                ours[size, default: []].append(try RankingMetrics.kendallTau(predictions, split.test.map { labels[$0] }))
                splitLines.append("\(size),\(seed),\(split.train.map(String.init).joined(separator: ";"))")
            }
        }

        let temp = try TemporaryFolder()
        try temp.write("splits.csv", splitLines.joined(separator: "\n") + "\n")
        try JSONEncoder().encode(configuration).write(to: URL(fileURLWithPath: temp.file("config.json")))
        let output = try ReferencePython.runTool(
            "reference/predictor_reference.py",
            ["--data", path, "--splits", temp.file("splits.csv"), "--config", temp.file("config.json"), "--json"])
        var theirs: [Int: [Double]] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let size = try XCTUnwrap(object["size"] as? Int), tau = try XCTUnwrap(object["tau"] as? Double)
            theirs[size, default: []].append(tau)
        }
        let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
        for size in sizes { XCTAssertEqual(theirs[size]?.count, seeds.count, "reference taus at size \(size)") }
        return Taus(ours: ours.mapValues(mean), theirs: theirs.mapValues(mean))
    }
}
