import NASOracle
import TestSupport
import XCTest

final class ImportTests: XCTestCase {
    func importer(_ mapping: [String], allowMissing: Bool = false) throws -> CSVImporter {
        CSVImporter(
            codec: .nb201, archColumn: "arch_str", indexColumn: "idx", mapping: try mapping.map(CSVImporter.parseMapping),
            allowMissing: allowMissing, source: "test")
    }

    func testGenericCSVImport() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("r.csv", Fixtures.nb201CSV())
        let table = try importer(["acc=cifar10.test.accuracy.e200", "params=cifar10.none.params_m"]).importTable(from: path)
        XCTAssertEqual(table.rowCount, 20)
        XCTAssertEqual(table.keys.map(\.name), ["cifar10.none.params_m", "cifar10.test.accuracy.e200"])
        XCTAssertEqual(try table.column(ColumnKey(name: "cifar10.test.accuracy.e200"))[3], 63.25)
        XCTAssertTrue(table.metadata.provenance.contains("\"sha256\""))
    }

    func testMalformedCellNamesTheTokenAndLine() throws {
        let folder = try TemporaryFolder()
        let text = Fixtures.nb201CSV().replacingOccurrences(of: "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|", with: "|none~0|+|none~0|conv5x5~1|+|none~0|none~1|none~2|")
        let path = try folder.write("r.csv", text)
        XCTAssertThrowsError(try importer(["acc=cifar10.test.accuracy.e200"]).importTable(from: path)) { error in
            XCTAssertTrue("\(error)".contains("r.csv:2: unknown op 'conv5x5'"), "\(error)")
        }
    }

    func testNaNWhereAValueIsRequired() throws {
        let folder = try TemporaryFolder()
        var lines = Fixtures.nb201CSV().split(separator: "\n").map(String.init)
        lines[5] = lines[5].split(separator: ",").enumerated().map { $0.offset == 2 ? "nan" : String($0.element) }.joined(separator: ",")
        let path = try folder.write("r.csv", lines.joined(separator: "\n"))
        XCTAssertThrowsError(try importer(["acc=cifar10.test.accuracy.e200"]).importTable(from: path)) { error in
            XCTAssertTrue("\(error)".contains("r.csv:6: column 'acc' has no value"), "\(error)")
        }
        let table = try importer(["acc=cifar10.test.accuracy.e200"], allowMissing: true).importTable(from: path)
        XCTAssertTrue(try table.column(ColumnKey(name: "cifar10.test.accuracy.e200"))[4].isNaN)
    }

    func testMissingColumnAndDuplicateCell() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("r.csv", Fixtures.nb201CSV())
        XCTAssertThrowsError(try importer(["accuracy=cifar10.test.accuracy.e200"]).importTable(from: path)) { error in
            XCTAssertTrue("\(error)".contains("missing column 'accuracy'"), "\(error)")
        }
        var lines = Fixtures.nb201CSV().split(separator: "\n").map(String.init)
        lines.append(lines[1])
        let duplicate = try folder.write("d.csv", lines.joined(separator: "\n"))
        XCTAssertThrowsError(try importer(["acc=cifar10.test.accuracy.e200"]).importTable(from: duplicate)) { error in
            XCTAssertTrue("\(error)".contains("appears twice"), "\(error)")
        }
    }

    func testRaggedRowIsAnError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("r.csv", Fixtures.nb201CSV() + "x,1\n")
        XCTAssertThrowsError(try importer(["acc=cifar10.test.accuracy.e200"]).importTable(from: path)) { error in
            XCTAssertTrue("\(error)".contains("r.csv:22: 2 fields, expected 4"), "\(error)")
        }
    }
}
