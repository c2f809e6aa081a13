import NASOracle
import NASSpaces
import TestSupport
import XCTest

/// Checks on the real NAS-Bench-201 table (`$NASBENCH_DATA/nb201`), imported and reloaded once.
final class RealNB201Tests: XCTestCase {
    nonisolated(unsafe) static var cached: BenchmarkTable?

    func table() throws -> BenchmarkTable {
        if let cached = Self.cached { return cached }
        let folder = try RealData.folder()
        _ = try RealData.file("nb201/nb201_full.csv")
        let imported = try NB201Importer().importTable(from: (folder as NSString).appendingPathComponent("nb201"))
        let temp = try TemporaryFolder()
        try imported.write(to: temp.file("nb201.h5"))
        let loaded = try BenchmarkTable.load(temp.file("nb201.h5"))
        Self.cached = loaded
        return loaded
    }

    func testPublishedOptima() throws {
        let table = try table()
        XCTAssertEqual(table.rowCount, 15_625)
        let c10 = try table.optimum(ColumnKey(name: "cifar10.test.accuracy.e200"))
        XCTAssertEqual(c10.value, 94.3733)
        XCTAssertEqual(c10.rows.count, 2, "two cells tie at the best CIFAR-10 test accuracy")
        XCTAssertEqual(try table.optimum(ColumnKey(name: "cifar10-valid.valid.accuracy.e200")).value, 91.6067)
        XCTAssertEqual(try table.optimum(ColumnKey(name: "cifar100.test.accuracy.e200")).value, 73.5133)
        XCTAssertEqual(try table.optimum(ColumnKey(name: "ImageNet16-120.test.accuracy.e200")).value, 47.3111)
    }

    func testIsomorphismClasses() throws {
        let table = try table()
        XCTAssertEqual(Set(try table.isomorphismKeys(.benchmark)).count, 6_466)
        XCTAssertEqual(Set(try table.isomorphismKeys(.functional)).count, 4_930)
        XCTAssertEqual(Set(try table.isomorphismKeys(.none)).count, 15_625)
    }

    func testRowsKeepTheOfficialIndexAndRankLookUpAgrees() throws {
        let table = try table()
        XCTAssertEqual(table.benchmarkIndex, (0..<15_625).map(Int64.init))
        XCTAssertEqual(
            table.archs[0], "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|")
        for cell in NB201Space().allCells {
            let row = try XCTUnwrap(table.row(ofRank: cell.rank))
            XCTAssertEqual(table.archs[row], NB201Space().describe(cell))
        }
    }

    func testSeedsAndSampledQueries() throws {
        let table = try table()
        let mean = ColumnKey(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200)
        XCTAssertEqual(table.seedColumns(of: mean).count, 3)
        let seeds = try table.seedColumns(of: mean).map { try table.column($0) }
        XCTAssertEqual((0..<15_625).filter { !seeds[2][$0].isNaN }.count, 8_169)
        var oracle = TabularOracle(table: table)
        let resolved = try oracle.resolve(
            NASOracle.Query(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200, seed: .sampled))
        var rng = SplitMix64(seed: 0)
        for row in stride(from: 0, to: 15_625, by: 97) {
            let v = oracle.value(row: row, resolved, using: &rng)
            XCTAssertTrue(seeds.contains { $0[row] == v }, "row \(row) answered \(v), not one of its seeds")
        }
        XCTAssertGreaterThan(oracle.simulatedSeconds, 0)
    }

    func testHardwareColumnsJoined() throws {
        let table = try table()
        let latency = try table.column(ColumnKey(name: "cifar100.none.latency_ms.@pi5-onnx"))
        XCTAssertFalse(latency.contains { $0.isNaN })
        XCTAssertFalse(table.hasColumn(try ColumnKey(name: "cifar100.none.energy_mj.@pixel-litert")), "no all-NaN columns")
        XCTAssertTrue(TableVerifier().verify(table).allSatisfy { $0.severity != .error })
    }
}
