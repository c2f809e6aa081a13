import NASOracle
import NASSpaces
import TestSupport
import XCTest

/// NASLib's 500-cell NAS-Bench-101 sample (`$NASBENCH_DATA/nb101`), imported and reloaded.
final class RealNB101Tests: XCTestCase {
    func table() throws -> BenchmarkTable {
        let csv = try RealData.file("nb101/naslib_zc_nb101_500.csv")
        let temp = try TemporaryFolder()
        try NB101NASLibImporter().importTable(from: csv).write(to: temp.file("nb101.h5"))
        return try BenchmarkTable.load(temp.file("nb101.h5"))
    }

    func testImportMergesRowsByModel() throws {
        let table = try table()
        // 500 raw specs are 292 models: NASLib sampled specs as the official example does, and
        // many prune to the same graph (55 rows are the bare input->output cell).
        XCTAssertEqual(table.rowCount, 292)
        XCTAssertEqual(table.space, .nb101)
        XCTAssertEqual(Set(try table.isomorphismKeys(.benchmark)).count, 292)
        let bare = try table.row(ofCell: "01,00|")
        XCTAssertEqual(try table.isomorphismKeys(.benchmark)[bare], "043721b9c7fe8c5fad811d47d83132ec")
        XCTAssertTrue(TableVerifier().verify(table, storedArchs: nil).allSatisfy { $0.severity != .error })
    }

    func testPinnedOpCodesAgreeWithParams() throws {
        // conv3x3 has 9x the weights of conv1x1 and maxpool none: params must rise with the number
        // of code-4 vertices and fall with code-2 ones, which pins codes 2, 3, 4.
        let table = try table()
        let params = try table.column(ColumnKey(name: "cifar10.none.params_m"))
        func correlation(_ op: NB101Op) throws -> Double {
            let counts = try (0..<table.rowCount).map { row in
                Double(try NB101Space().parse(table.archs[row]).ops.filter { $0 == op }.count)
            }
            let x = counts, y = params.map(Double.init)
            let mx = x.reduce(0, +) / Double(x.count), my = y.reduce(0, +) / Double(y.count)
            let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
            let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }, syy = y.reduce(0) { $0 + ($1 - my) * ($1 - my) }
            return sxy / (sxx * syy).squareRoot()
        }
        let conv3 = try correlation(.conv3x3), conv1 = try correlation(.conv1x1), pool = try correlation(.maxPool3x3)
        XCTAssertGreaterThan(conv3, 0.5)
        XCTAssertGreaterThan(conv3, conv1)
        XCTAssertGreaterThan(conv1, pool)
    }
}
