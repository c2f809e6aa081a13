import Foundation
@testable import NASOracle
import NASSpaces
import TestSupport
import XCTest

/// The official-format importer on files written by tools/reference/nb101_tfrecord_fixtures.py.
final class NB101TFRecordTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/nb101").path
    static func fixture(_ name: String) -> String { (fixtures as NSString).appendingPathComponent(name) }

    let readme = "0111010,0000001,0000001,0000100,0000001,0000001,0000000|conv1x1-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,maxpool3x3"

    func testCRC32CCheckValue() {
        let value = Array("123456789".utf8).withUnsafeBytes { CRC32C.checksum($0) }
        XCTAssertEqual(value, 0xE306_9283)
    }

    func testFullFileImportsEveryBudgetAndSeed() throws {
        let temp = try TemporaryFolder()
        try NB101TFRecordImporter().importTable(from: Self.fixture("full.tfrecord")).write(to: temp.file("t.h5"))
        let table = try BenchmarkTable.load(temp.file("t.h5"))
        XCTAssertEqual(table.rowCount, 3)
        XCTAssertEqual(table.keys.count, 1 + 4 * 4 * 4)
        let row = try table.row(ofCell: readme)
        // Generator: accuracy = 0.5 + 0.1 model + 0.004 epochs/4 + 0.01 repeat + 0.001 split.
        let seed0 = try table.column(ColumnKey(name: "cifar10.valid.accuracy.e108.seed0"))[row]
        XCTAssertEqual(seed0, 60.9, accuracy: 1e-4)
        XCTAssertEqual(try table.column(ColumnKey(name: "cifar10.valid.accuracy.e108"))[row], 61.9, accuracy: 1e-4)
        XCTAssertEqual(try table.column(ColumnKey(name: "cifar10.test.accuracy.e4.seed2"))[row], 52.6, accuracy: 1e-4)
        XCTAssertEqual(try table.column(ColumnKey(name: "cifar10.none.params_m"))[row], 2.694282, accuracy: 1e-6)
        XCTAssertEqual(try table.column(ColumnKey(name: "cifar10.none.train_time_s.e36.seed1"))[row], 361)
        XCTAssertEqual(try table.isomorphismKeys(.benchmark)[row], "28cfc7874f6d200472e1a9dcd8650aa0")
        XCTAssertTrue(TableVerifier().verify(table).allSatisfy { $0.severity != .error })
        let only108 = try NB101TFRecordImporter().importTable(from: Self.fixture("only108.tfrecord"))
        XCTAssertEqual(only108.keys.count, 1 + 4 * 4)
    }

    func testCorruptAndTruncatedFilesGiveClearErrors() {
        let cases: [(String, String)] = [
            ("bad-data-crc", "record 1 at byte 513: the data fails its masked CRC-32C check"),
            ("bad-length-crc", "record 2 at byte 1026: the length field fails its masked CRC-32C check"),
            ("truncated", "truncated file: record 3 at byte 1539 announces 398 data bytes"),
            ("truncated-header", "record 1 at byte 513 has 5 of the 12 header bytes"),
            ("wrong-hash", "key 00000000000000000000000000000000 is not the official hash of its spec"),
            ("bad-base64", "record 0: metrics field is not base64"),
            ("bad-json", "not the JSON list [module_hash, epochs, adjacency, operations, metrics]"),
            ("bad-protobuf", "malformed protobuf: field 1 announces 80 bytes, 1 remain"),
        ]
        for (name, expected) in cases {
            XCTAssertThrowsError(try NB101TFRecordImporter().importTable(from: Self.fixture("\(name).tfrecord"))) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(name): '\(error)' lacks '\(expected)'")
            }
        }
    }
}
