import Foundation
import XCTest

@testable import NASExperiments

/// The meta-test's arms over seeded generate runs: grouping by folder name, mean and 95% half-width.
final class GenerationArmsTableTests: XCTestCase {
    private func summary(best: Double, top1: Double, top10: Double, validity: Double = 1) -> GenerationSummary {
        GenerationSummary(requested: 500, decoded: 500, valid: 500, unique: 500, novel: 400, validity: validity, uniqueness: 1,
                          novelty: 0.8, complete: true, top: 30, setDraws: 10, tableColumn: "cifar10.test.accuracy.e200",
                          tableOptimum: 94.37, topMaxAccuracy: best, top1Accuracy: top1, top10MeanAccuracy: top10)
    }

    func testArmsAreGroupedBySeedFoldersWithTheirIntervals() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arms-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runs: [(String, GenerationSummary)] = [
            ("metad2a-s0", summary(best: 94.0, top1: 93.0, top10: 92.0, validity: 0.9)),
            ("metad2a-s1", summary(best: 93.5, top1: 92.0, top10: 92.5, validity: 0.8)),
            ("metad2a-s2", summary(best: 94.5, top1: 91.0, top10: 93.0, validity: 1.0)),
            ("dataset-blind-s0", summary(best: 93.0, top1: 90.0, top10: 91.0)),
        ]
        for (name, s) in runs {
            try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            try JSONEncoder().encode(s).write(to: URL(fileURLWithPath: folder + "/" + name + "/summary.json"))
        }
        try FileManager.default.createDirectory(atPath: folder + "/notes", withIntermediateDirectories: true)
        let table = try GenerationArmsTable(folder: folder)
        XCTAssertEqual(table.arms.map(\.name), ["dataset-blind", "metad2a"])
        let m = table.arms[1]
        XCTAssertEqual(m.runs, 3)
        // numpy: mean 94.0, std(ddof=1) 0.5, 1.96 * 0.5 / sqrt(3) = 0.565803...
        XCTAssertEqual(m.best.mean, 94.0, accuracy: 1e-12)
        XCTAssertEqual(m.best.ci95, 0.5658032638058333, accuracy: 1e-12)
        XCTAssertEqual(m.top1.mean, 92.0, accuracy: 1e-12)
        XCTAssertEqual(m.top1.ci95, 1.96 / 3.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(m.validity, 0.9, accuracy: 1e-12)
        XCTAssertEqual(table.arms[0].best.ci95, 0)
        try table.write(to: folder)
        let csv = try String(contentsOfFile: folder + "/arms.csv", encoding: .utf8)
        XCTAssertTrue(csv.hasPrefix("arm,runs,best_mean,best_ci95,"), csv)
        XCTAssertTrue(csv.contains("\nmetad2a,3,94.0000,0.5658,92.0000,"), csv)
        XCTAssertThrowsError(try GenerationArmsTable(folder: folder + "/notes"))
    }
}
