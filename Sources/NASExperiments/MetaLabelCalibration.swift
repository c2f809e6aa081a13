import Foundation
import NASOracle
import NASPredictors
import NASSpaces

/// How well a build-db run's labels (cells trained briefly by ``MetaLabelRecipe``) rank the cells as
/// the benchmark does: Kendall tau and Spearman of the labels against a table column (default CIFAR-10
/// test accuracy after 200 epochs), with a 95% bootstrap interval for tau. Run on a CIFAR-10 build-db
/// (`--sources cifar10 --ways 10`), it calibrates the recipe: calibration only, never training data.
public struct MetaLabelCalibration: Sendable {
    public let cells: Int
    public let tau: Double
    public let tauInterval: (low: Double, high: Double)
    public let spearman: Double
    public let column: ColumnKey
    /// Per label, in file order: the cell, its label and the table's value.
    public let pairs: [(arch: String, label: Double, truth: Double)]

    /// Reads `labels.csv` in `folder` and looks each cell up in `table`.
    /// - Throws: ``ExperimentError`` for a missing or malformed labels file, a table of another space
    ///   or an unknown cell; ``PredictorError`` with fewer than 2 labels.
    public init(folder: String, table: BenchmarkTable, column: ColumnKey = RWEExperiment.defaultTruth,
                resamples: Int = 2000, seed: UInt64 = 0) throws {
        guard table.space == .nb201 else {
            throw ExperimentError.badInput("calibration needs an nb201 table, got a \(table.space.rawValue) table")
        }
        let path = (folder as NSString).appendingPathComponent("labels.csv")
        let labels = try RWESummaryTable.read(path)
        guard let archIndex = labels.header.firstIndex(of: "arch"), let accIndex = labels.header.firstIndex(of: "accuracy") else {
            throw ExperimentError.corruptResults(path: path, why: "needs arch and accuracy columns (a metad2a build-db run)")
        }
        let truthColumn = try table.column(column)
        let space = NB201Space()
        var x: [Double] = [], y: [Double] = [], archs: [String] = []
        for (i, row) in labels.rows.enumerated() {
            guard row.count == labels.header.count, let accuracy = Double(row[accIndex]), accuracy.isFinite else {
                throw ExperimentError.corruptResults(path: path, why: "row \(i + 1): no finite accuracy")
            }
            let cell = try space.parse(row[archIndex])
            guard let tableRow = table.row(ofRank: cell.rank) else {
                throw ExperimentError.badInput("\(path) row \(i + 1): cell \(row[archIndex]) is not in the table")
            }
            x.append(accuracy)
            y.append(Double(truthColumn[tableRow]))
            archs.append(row[archIndex])
        }
        cells = x.count
        tau = try RankingMetrics.kendallTau(x, y)
        spearman = try RankingMetrics.spearman(x, y)
        tauInterval = try RankBootstrap.kendallTau(x, y, resamples: resamples, seed: seed)
        self.column = column
        pairs = (0..<x.count).map { (archs[$0], x[$0], y[$0]) }
    }

    /// `calibration.csv`: one row.
    public var csv: String {
        "cells,truth,kendall_tau,tau_ci95_low,tau_ci95_high,spearman\n"
            + String(format: "%d,%@,%.4f,%.4f,%.4f,%.4f\n", cells, column.description, tau, tauInterval.low, tauInterval.high, spearman)
    }

    /// `calibration-pairs.csv`: `arch,label,truth` per label (the scatter `make report` draws).
    public var pairsCSV: String {
        "arch,label,truth\n" + pairs.map { "\($0.arch),\(CSVLine.number($0.label)),\(CSVLine.number($0.truth))\n" }.joined()
    }

    /// Writes `calibration.csv` and `calibration-pairs.csv` into `folder`.
    public func write(to folder: String) throws {
        try ResultsStore.writeAtomically(csv, to: (folder as NSString).appendingPathComponent("calibration.csv"))
        try ResultsStore.writeAtomically(pairsCSV, to: (folder as NSString).appendingPathComponent("calibration-pairs.csv"))
    }
}
