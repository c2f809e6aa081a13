import Foundation
import XCTest

@testable import NASExperiments

/// What a meta-test's arms generated: uniqueness under NB201's key, operation shares, phase seconds.
final class GenerationCellsTableTests: XCTestCase {
    // a and b differ only on an edge whose node does not reach the output: one benchmark entry.
    private let a = "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|"
    private let b = "|avg_pool_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|"
    private let c = "|nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_1x1~1|+|nor_conv_1x1~0|nor_conv_1x1~1|nor_conv_1x1~2|"

    private func write(_ folder: String, _ name: String, cells: [String], top: Int, timing: String?) throws {
        let run = folder + "/" + name
        try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
        let ranked = "rank,arch,predicted_accuracy,predicted_std,novel,test_accuracy\n"
            + cells.enumerated().map { "\($0.offset + 1),\($0.element),0.5,0.1,1,90.0\n" }.joined()
        try ranked.write(toFile: run + "/ranked.csv", atomically: true, encoding: .utf8)
        let summary = GenerationSummary(requested: cells.count, decoded: cells.count, valid: cells.count, unique: cells.count, novel: cells.count,
                                        validity: 1, uniqueness: 1, novelty: 1, complete: true, top: top, setDraws: 1, tableColumn: nil,
                                        tableOptimum: nil, topMaxAccuracy: nil, top1Accuracy: nil, top10MeanAccuracy: nil)
        try JSONEncoder().encode(summary).write(to: URL(fileURLWithPath: run + "/summary.json"))
        if let timing { try timing.write(toFile: run + "/timing.csv", atomically: true, encoding: .utf8) }
    }

    func testIsoUniquenessOperationSharesAndSecondsPerArmAndSubset() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cells-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try write(folder, "metad2a-s0", cells: [a, b, c], top: 2, timing: "generate_seconds,rank_seconds\n1.0,2.0\n")
        try write(folder, "metad2a-s1", cells: [c], top: 2, timing: "generate_seconds,rank_seconds\n3.0,4.0\n")
        try write(folder, "random-s0", cells: [a, b], top: 1, timing: nil)
        let table = try GenerationCellsTable(folder: folder)
        XCTAssertEqual(table.rows.map { "\($0.arm)/\($0.subset)" }, ["metad2a/all", "metad2a/top", "random/all", "random/top"])
        let all = table.rows[0], top = table.rows[1]
        XCTAssertEqual(all.runs, 2)
        XCTAssertEqual(all.cells, 2, accuracy: 1e-12)
        XCTAssertEqual(top.cells, 1.5, accuracy: 1e-12)
        // s0: a and b share a key (2 of 3), s1: 1 of 1; top 2 of s0: 1 of 2.
        XCTAssertEqual(all.isoUniqueness, (2.0 / 3 + 1) / 2, accuracy: 1e-12)
        XCTAssertEqual(top.isoUniqueness, 0.75, accuracy: 1e-12)
        // Edges of a, b, c, c (24): none 8, skip 2, 1x1 12, 3x3 1, pool 1; of a, b, c (18): 8, 2, 6, 1, 1.
        XCTAssertEqual(all.opShares, [8, 2, 12, 1, 1].map { $0 / 24.0 })
        XCTAssertEqual(top.opShares, [8, 2, 6, 1, 1].map { $0 / 18.0 })
        XCTAssertEqual(all.generateSeconds ?? .nan, 2, accuracy: 1e-12)
        XCTAssertEqual(all.rankSeconds ?? .nan, 3, accuracy: 1e-12)
        XCTAssertNil(table.rows[2].generateSeconds)
        XCTAssertEqual(table.rows[3].isoUniqueness, 1)
        try table.write(to: folder)
        let csv = try String(contentsOfFile: folder + "/cells.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv[0], "arm,subset,runs,cells,iso_uniqueness,none,skip_connect,nor_conv_1x1,nor_conv_3x3,avg_pool_3x3,generate_seconds,rank_seconds")
        XCTAssertEqual(csv[1], "metad2a,all,2,2.0,0.8333,0.3333,0.0833,0.5000,0.0417,0.0417,2.000,3.000")
        XCTAssertTrue(csv[3].hasSuffix(",,"), String(csv[3]))
    }

    func testABrokenRunIsAOneLineError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cells-bad-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertThrowsError(try GenerationCellsTable(folder: folder))
        try write(folder, "metad2a-s0", cells: [a, "|bogus~0|"], top: 1, timing: nil)
        XCTAssertThrowsError(try GenerationCellsTable(folder: folder)) { error in
            XCTAssertTrue("\(error)".contains("line 3 has no NB201 cell"), "\(error)")
        }
        try write(folder, "metad2a-s0", cells: [a], top: 1, timing: "seconds\n1\n")
        XCTAssertThrowsError(try GenerationCellsTable(folder: folder)) { error in
            XCTAssertTrue("\(error)".contains("generate_seconds,rank_seconds"), "\(error)")
        }
    }
}
