import Foundation
import NASOracle
import NASPredictors
import NASSpaces
import TestSupport
import XCTest

@testable import NASExperiments

/// A build-db run's labels against a table: tau and Spearman on the looked-up pairs, calibration.csv,
/// and one-line errors.
final class MetaLabelCalibrationTests: XCTestCase {
    private func folder(labels: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try labels.write(toFile: folder + "/labels.csv", atomically: true, encoding: .utf8)
        return folder
    }

    func testTauOfTheLabelsAgainstTheTableColumn() throws {
        let table = try Fixtures.nb201Table(count: 30)
        let space = NB201Space()
        let cells = Array(space.allCells.prefix(30)).enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        var text = "trial,task,cell,arch,arch_rank,seed,accuracy\n"
        var labels: [Double] = [], truth: [Double] = []
        let column = try table.column(Fixtures.accuracyKey)
        for (i, cell) in cells.enumerated() {
            let label = Double((cell.rank * 13) % 17)
            text += "\(i),0,\(i),\(space.describe(cell)),\(cell.rank),1,\(label)\n"
            labels.append(label)
            truth.append(Double(column[try XCTUnwrap(table.row(ofRank: cell.rank))]))
        }
        let dir = try folder(labels: text)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let calibration = try MetaLabelCalibration(folder: dir, table: table, column: Fixtures.accuracyKey, resamples: 200)
        XCTAssertEqual(calibration.cells, 15)
        XCTAssertEqual(calibration.tau, try RankingMetrics.kendallTau(labels, truth))
        XCTAssertEqual(calibration.spearman, try RankingMetrics.spearman(labels, truth))
        XCTAssertLessThanOrEqual(calibration.tauInterval.low, calibration.tauInterval.high)
        try calibration.write(to: dir)
        let csv = try String(contentsOfFile: dir + "/calibration.csv", encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("cells,truth,kendall_tau,tau_ci95_low,tau_ci95_high,spearman\n15,"), csv)
        let pairs = try String(contentsOfFile: dir + "/calibration-pairs.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(pairs.count, 16)
        XCTAssertEqual(pairs.first, "arch,label,truth")
        XCTAssertTrue(pairs[1].hasPrefix(space.describe(cells[0]) + ","), String(pairs[1]))
    }

    func testACellMissingFromTheTableIsAOneLineError() throws {
        let table = try Fixtures.nb201Table(count: 5)
        let outside = NB201Space().describe(NB201Space().allCells[100])
        let dir = try folder(labels: "trial,task,cell,arch,arch_rank,seed,accuracy\n0,0,0,\(outside),100,1,50\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        XCTAssertThrowsError(try MetaLabelCalibration(folder: dir, table: table, column: Fixtures.accuracyKey)) { error in
            XCTAssertTrue("\(error)".contains("is not in the table"), "\(error)")
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }
}
