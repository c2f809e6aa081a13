import ArgumentParser
import Foundation
import NASExperiments
import NASOracle

/// `nasbench metad2a calibrate`: a build-db run's labels against the benchmark's accuracy.
struct MetaD2ACalibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Kendall tau (95% bootstrap interval) and Spearman of a build-db run's labels against an NB201 table column; writes calibration.csv.",
        discussion: "Calibrates the label recipe on CIFAR-10 (build-db --sources cifar10 --ways 10), where the table knows the answer.")

    @Argument(help: "The build-db run's --out folder (its labels.csv).")
    var folder: String

    @Option(help: "A nasbench HDF5 table of the nb201 space.")
    var table: String

    @Option(help: "Bootstrap resamples for tau's interval.")
    var resamples = 2000

    @Option(help: "Seed of the bootstrap resamples.")
    var seed: UInt64 = 0

    func run() throws {
        let calibration = try MetaLabelCalibration(folder: folder, table: try BenchmarkTable.load(table),
                                                   resamples: resamples, seed: seed)
        try calibration.write(to: folder)
        print(String(format: "%d cells: Kendall tau %.4f (95%% bootstrap interval %.4f to %.4f), Spearman %.4f against %@",
                     calibration.cells, calibration.tau, calibration.tauInterval.low, calibration.tauInterval.high,
                     calibration.spearman, calibration.column.description))
    }
}
