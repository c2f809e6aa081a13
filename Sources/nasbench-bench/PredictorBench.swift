import Foundation
import NASOracle
import NASPredictors
import NASSpaces

/// The predictor side of `make bench`: Kendall tau on every cell's value pair, the random
/// forest (NASLib's defaults) fitted on 1,000 cells and WeakNAS's MLP fitted on 100 cells, each
/// predicting the rest, on seeded splits
/// that are written to `splitsPath` so that `tools/reference/bench_reference.py` times scipy and
/// scikit-learn on the very same data.
func benchPredictors(table: BenchmarkTable, label: ColumnKey, splitsPath: String, emit: ([String: Any]) -> Void) throws {
    guard table.space == .nb201 else { return }
    let clock = ContinuousClock()
    // Kendall tau between two accuracy columns (all cells), as a ranking metric would see them.
    let other = table.keys.first { $0.metric == .accuracy && $0.seed == nil && $0 != label && $0.epochs == label.epochs } ?? label
    let x = try table.column(label).map(Double.init), y = try table.column(other).map(Double.init)
    var tau = 0.0
    var times: [Double] = []
    for _ in 0..<21 {
        let start = clock.now
        tau = try RankingMetrics.kendallTau(x, y)
        times.append(seconds(clock.now - start))
    }
    emit([
        "tool": "nasbench", "task": "Kendall tau-b (\(x.count) pairs)", "seconds": median(times), "value": tau,
        "columns": [label.name, other.name],
    ])

    // Random forest: n = 1000 training cells per split, predict all others.
    let space = NB201Space()
    let cells = try (0..<table.rowCount).map { try space.parse(table.archs[$0]) }
    let features = space.features(of: cells, as: .adjacencyOneHot)
    let configuration = RandomForestConfiguration()
    var splits: [[Int]] = []
    var fits: [Double] = [], predicts: [Double] = [], taus: [Double] = []
    for seed in 0..<5 {
        var generator = SplitMix64(seed: UInt64(seed))
        let split = try TrainTestSplit(count: table.rowCount, trainSize: 1000, using: &generator)
        let train = features.rows(split.train), test = features.rows(split.test)
        var forest = RandomForest(configuration: configuration)
        let start = clock.now
        try forest.fit(train, labels: split.train.map { x[$0] }, using: &generator)
        let fitted = clock.now
        let predictions = try forest.predict(test)
        let predicted = clock.now
        fits.append(seconds(fitted - start))
        predicts.append(seconds(predicted - fitted))
        taus.append(try RankingMetrics.kendallTau(predictions, split.test.map { x[$0] }))
        splits.append(split.train)
    }
    let meanTau = taus.reduce(0, +) / Double(taus.count)
    let threads = ProcessInfo.processInfo.activeProcessorCount
    emit(["tool": "nasbench", "task": "random forest fit (n = 1000, 116 trees)", "seconds": median(fits), "tau": meanTau, "threads": threads])
    emit(["tool": "nasbench", "task": "random forest predict (14,625 cells)", "seconds": median(predicts), "tau": meanTau, "threads": threads])

    // WeakNAS's MLP (4 x 1000, scikit-learn's stopping rule) at a typical WeakNAS training-set
    // size, n = 100, predicting the other 15,525 cells; 3 seeded splits.
    let mlp = MLPConfiguration()
    var mlpSplits: [[Int]] = []
    var mlpFits: [Double] = [], mlpPredicts: [Double] = [], mlpTaus: [Double] = [], mlpEpochs: [Double] = []
    for seed in 0..<3 {
        var generator = SplitMix64(seed: UInt64(100 + seed))
        let split = try TrainTestSplit(count: table.rowCount, trainSize: 100, using: &generator)
        var model = MLPPredictor(configuration: mlp)
        let start = clock.now
        try model.fit(features.rows(split.train), labels: split.train.map { x[$0] }, using: &generator)
        let fitted = clock.now
        let predictions = try model.predict(features.rows(split.test))
        let predicted = clock.now
        mlpFits.append(seconds(fitted - start))
        mlpPredicts.append(seconds(predicted - fitted))
        mlpTaus.append(try RankingMetrics.kendallTau(predictions, split.test.map { x[$0] }))
        mlpEpochs.append(Double(model.epochsRun))
        mlpSplits.append(split.train)
    }
    let mlpTau = mlpTaus.reduce(0, +) / Double(mlpTaus.count)
    let epochs = mlpEpochs.reduce(0, +) / Double(mlpEpochs.count)
    emit(["tool": "nasbench", "task": "MLP fit (n = 100, 4 x 1000)", "seconds": median(mlpFits), "tau": mlpTau, "epochs": epochs])
    emit(["tool": "nasbench", "task": "MLP predict (15,525 cells)", "seconds": median(mlpPredicts), "tau": mlpTau])

    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let exported: [String: Any] = [
        "label": label.name, "tau_columns": [label.name, other.name], "splits": splits,
        "rf": try JSONSerialization.jsonObject(with: try encoder.encode(configuration)),
        "mlp_splits": mlpSplits, "mlp": try JSONSerialization.jsonObject(with: try encoder.encode(mlp)),
    ]
    try JSONSerialization.data(withJSONObject: exported, options: [.sortedKeys]).write(to: URL(fileURLWithPath: splitsPath))
}
