import NASHDF5
import NASOracle
import NASSpaces
import TestSupport
import XCTest

final class FormatTests: XCTestCase {
    func testWriteThenLoadGivesTheSameTable() throws {
        let folder = try TemporaryFolder()
        let table = try Fixtures.nb201Table()
        try table.write(to: folder.file("t.h5"))
        let loaded = try BenchmarkTable.load(folder.file("t.h5"))
        XCTAssertEqual(loaded.space, .nb201)
        XCTAssertEqual(Array(loaded.archs), Array(table.archs))
        XCTAssertEqual(try BenchmarkTable.storedArchs(folder.file("t.h5")), Array(table.archs))
        XCTAssertEqual(loaded.encodings, table.encodings)
        XCTAssertEqual(loaded.benchmarkIndex, table.benchmarkIndex)
        XCTAssertEqual(loaded.keys, table.keys)
        XCTAssertEqual(loaded.metadata, table.metadata)
        for (a, b) in zip(loaded.columns, table.columns) {
            XCTAssertEqual(a.map(\.bitPattern), b.map(\.bitPattern), "NaN and values kept bit for bit")
        }
        // Written atomically: nothing but the file is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["t.h5"])
    }

    func testSameTableGivesTheSameBytes() throws {
        let folder = try TemporaryFolder()
        let table = try Fixtures.nb201Table()
        try table.write(to: folder.file("a.h5"))
        Thread.sleep(forTimeInterval: 1.1)  // HDF5 object times have one-second resolution
        try table.write(to: folder.file("b.h5"))
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: folder.file("a.h5"))),
            try Data(contentsOf: URL(fileURLWithPath: folder.file("b.h5"))))
    }

    func testRootAttributesAndColumnAttributes() throws {
        let folder = try TemporaryFolder()
        try Fixtures.nb201Table().write(to: folder.file("t.h5"))
        let root = try HDF5File.open(folder.file("t.h5")).root()
        XCTAssertEqual(try root.stringAttribute("format"), "nasbench-table")
        XCTAssertEqual(try root.integerAttribute("format_version"), 1)
        XCTAssertEqual(try root.integerAttribute("cell_count"), 50)
        let column = try root.group("metrics").dataset("cifar10-valid.valid.accuracy.e200.seed1")
        XCTAssertEqual(try column.stringAttribute("dataset"), "cifar10-valid")
        XCTAssertEqual(try column.integerAttribute("seed"), 1)
        XCTAssertEqual(try column.integerAttribute("epochs"), 200)
        XCTAssertEqual(try column.typeClass(), .float)
    }

    func testNotHDF5IsAClearError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("t.h5", "index,arch\n0,x\n")
        assertLoadFails(path, saying: "not an HDF5 file")
        assertLoadFails(folder.file("absent.h5"), saying: "no such file")
    }

    func testTruncatedFileIsAClearError() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("t.h5")
        try Fixtures.nb201Table(count: 2000).write(to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
        assertLoadFails(path, saying: path)
    }

    func testWrongVersionIsAClearError() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("t.h5")
        try Fixtures.nb201Table().write(to: path)
        try HDF5File.open(path, writable: true).root().setAttribute("format_version", 2)
        assertLoadFails(path, saying: "format version 2 is not supported")
    }

    func testUnknownSpaceIsAClearError() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("t.h5")
        try Fixtures.nb201Table().write(to: path)
        try HDF5File.open(path, writable: true).root().setAttribute("search_space", "nb999")
        assertLoadFails(path, saying: "unknown search space 'nb999' (known: nb101, nb201, nbgraph)")
        XCTAssertEqual(SpaceID.allCases.map { try? SpaceID(parsing: $0.rawValue) }, SpaceID.allCases)
        XCTAssertThrowsError(try SpaceID(parsing: "NB201")) { XCTAssertEqual($0 as? OracleError, .unknownSpace("NB201")) }
    }

    func testMissingPartsAreNamed() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("t.h5")
        do {
            let file = try HDF5File.create(path)
            let root = try file.root()
            try root.setAttribute("format", "nasbench-table")
            try root.setAttribute("format_version", 1)
            try root.setAttribute("search_space", "nb201")
            for key in ["source", "provenance", "created_by"] { try root.setAttribute(key, "x") }
            let cells = try root.createGroup("cells")
            try cells.writeStrings("arch", ["a"])
            try cells.write("encoding", [UInt8(0)], shape: [1, 1])
            _ = try root.createGroup("metrics")
        }
        assertLoadFails(path, saying: "missing dataset /cells/index")

        let other = folder.file("u.h5")
        _ = try HDF5File.create(other)
        assertLoadFails(other, saying: "not a nasbench table")
    }

    func testColumnWhoseAttributesDisagreeWithItsName() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("t.h5")
        try Fixtures.nb201Table().write(to: path)
        try HDF5File.open(path, writable: true).root().group("metrics")
            .dataset("cifar10-valid.valid.accuracy.e200").setAttribute("epochs", 12)
        assertLoadFails(path, saying: "attributes describe cifar10-valid.valid.accuracy.e12")
    }

    private func assertLoadFails(_ path: String, saying text: String, line: UInt = #line) {
        XCTAssertThrowsError(try BenchmarkTable.load(path), line: line) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(text), "'\(message)' does not say '\(text)'", line: line)
            XCTAssertFalse(message.contains("\n"), "one line: \(message)", line: line)
        }
    }
}
