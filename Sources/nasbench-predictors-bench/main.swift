// Random forest or MLP on real NAS-Bench-201 against scikit-learn: fits NASPredictors' RandomForest
// (or MLPPredictor, MODEL mlp) on
// seeded train splits of nb201_full.csv (cifar10-valid valid accuracy, 200 epochs; adjacency
// one-hot features), scores Kendall tau on all held-out cells, and exports the splits and the
// configuration for tools/reference/predictor_reference.py, which fits sklearn on the very same splits.
//
// Usage: nasbench-predictors-bench NB201_FULL_CSV OUT_DIR [SIZES (comma-separated)] [SEEDS] [MODEL rf|mlp]
// Writes OUT_DIR/config.json, OUT_DIR/splits.csv (size,seed,train rows joined by ';') and
// OUT_DIR/swift.csv (size,seed,tau,fit_s,predict_s). Run it through tools/reference/predictor_compare.sh.
import Foundation
import NASOracle
import NASPredictors
import NASSpaces
import NASTensor

AllocatorTuning.keepFreedBlocksForReuse()

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("nasbench-predictors-bench: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    fail("usage: nasbench-predictors-bench NB201_FULL_CSV OUT_DIR [SIZES] [SEEDS]")
}
let sizes = arguments.count > 3
    ? arguments[3].split(separator: ",").compactMap { Int($0) } : [10, 20, 50, 100, 200, 500, 1000]
let seedCount = arguments.count > 4 ? Int(arguments[4]) ?? 5 : 5
let output = arguments[2]
let modelName = arguments.count > 5 ? arguments[5] : "rf"
guard let kind = PredictorKind(rawValue: modelName), kind == .randomForest || kind == .mlp else {
    fail("unknown model '\(modelName)' (expected rf or mlp)")
}
let settings = PredictorSettings()
let clock = ContinuousClock()

do {
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    let key = try ColumnKey(name: "cifar10-valid.valid.accuracy.e200")
    let table = try CSVImporter(
        codec: .nb201, archColumn: "arch_str", indexColumn: "index", mapping: [("cifar10valid_valid_200", key)],
        allowMissing: false, source: "nb201_full.csv"
    ).importTable(from: arguments[1])
    let space = NB201Space()
    let cells = try table.archs.map { try space.parse($0) }
    let labels = try table.column(key).map(Double.init)
    let features = space.features(of: cells, as: .adjacencyOneHot)

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let configuration: any Encodable = kind == .mlp ? settings.mlp : settings.randomForest
    try encoder.encode(configuration).write(to: URL(fileURLWithPath: "\(output)/config.json"))
    var splitLines = ["size,seed,train"]
    var resultLines = ["size,seed,tau,fit_s,predict_s,epochs"]
    for size in sizes {
        for seed in 0..<seedCount {
            var rng = SplitMix64(seed: UInt64(seed))
            let split = try TrainTestSplit(count: cells.count, trainSize: size, using: &rng)
            var forest = kind.makePredictor(settings)
            let start = clock.now
            try forest.fit(features.rows(split.train), labels: split.train.map { labels[$0] }, using: &rng)
            let fitted = clock.now
            let predictions = try forest.predict(features.rows(split.test))
            let predicted = clock.now
            let tau = try RankingMetrics.kendallTau(predictions, split.test.map { labels[$0] })
            splitLines.append("\(size),\(seed),\(split.train.map(String.init).joined(separator: ";"))")
            let epochs = (forest as? MLPPredictor).map { "\($0.epochsRun)" } ?? ""
            resultLines.append("\(size),\(seed),\(tau),\(seconds(fitted - start)),\(seconds(predicted - fitted)),\(epochs)")
            FileHandle.standardError.write(Data("size \(size) seed \(seed): tau \(tau)\n".utf8))
        }
    }
    try (splitLines.joined(separator: "\n") + "\n").write(toFile: "\(output)/splits.csv", atomically: true, encoding: .utf8)
    try (resultLines.joined(separator: "\n") + "\n").write(toFile: "\(output)/swift.csv", atomically: true, encoding: .utf8)
} catch {
    fail("\(error)")
}
