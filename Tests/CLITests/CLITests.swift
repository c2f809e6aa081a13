import Foundation
import NASOracle
import TestSupport
import XCTest

/// End-to-end tests of the `nasbench` executable on a small table it imports itself.
final class CLITests: XCTestCase {
    var folder: TemporaryFolder!
    var table: String!

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        let csv = try folder.write("r.csv", Fixtures.nb201CSV())
        table = folder.file("r.h5")
        let result = try CLI.run([
            "import", "csv", csv, "--space", "nb201", "--index-column", "idx",
            "--map", "acc=cifar10.test.accuracy.e200", "--map", "params=cifar10.none.params_m", "-o", table,
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("20 cells, 2 columns"), result.stdout)
    }

    func testQueryAllFormats() throws {
        let cell = "|none~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|"  // rank 1
        let base = ["query", table!, "--dataset", "cifar10", "--split", "test", "--metric", "accuracy", "--epochs", "200"]
        let text = try CLI.run(base + [cell])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("1\t\(cell)\t61.25\t"), text.stdout)
        XCTAssertTrue(text.stderr.contains("queries: 1"), text.stderr)
        let csv = try CLI.run(base + ["--format", "csv", "--index", "1", "2"])
        XCTAssertEqual(csv.stdout.split(separator: "\n").count, 3, csv.stdout)
        XCTAssertTrue(csv.stdout.contains(",cifar10.test.accuracy.e200,mean,62.25,"), csv.stdout)
        let json = try CLI.run(base + ["--format", "json", "-"], input: cell + "\n")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["value"] as? Double, 61.25)
    }

    func testInfoTopVerify() throws {
        let info = try CLI.run(["info", table!])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertTrue(info.stdout.contains("nb201, 20 cells"), info.stdout)
        XCTAssertTrue(info.stdout.contains("cifar10.test.accuracy.e200"), info.stdout)
        let json = try CLI.run(["info", table!, "--format", "json"])
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let top = try CLI.run(["top", table!, "--dataset", "cifar10", "--split", "test", "--metric", "accuracy", "--epochs", "200", "-k", "3"])
        XCTAssertEqual(top.status, 0, top.stderr)
        let lines = top.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("1\t19\t79.25\t"), top.stdout)
        let verify = try CLI.run(["verify", table!])
        XCTAssertEqual(verify.status, 0, verify.stdout)
        XCTAssertTrue(verify.stdout.contains("covers 20 of 15625 cells"), verify.stdout)
    }

    func testBadInputGivesOneLineAndNonZeroExit() throws {
        let junk = try folder.write("junk.h5", "not hdf5")
        let cases: [([String], String)] = [
            (["info", folder.file("missing.h5")], "no such file"),
            (["info", junk], "not an HDF5 file"),
            (["query", table!, "--dataset", "cifar10", "--split", "test", "--metric", "accuracy", "--epochs", "200",
              "|bad~0|+|none~0|none~1|+|none~0|none~1|none~2|"], "unknown op 'bad'"),
            (["query", table!, "--dataset", "cifar10", "--split", "test", "--metric", "accuracy",
              "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"], "give epochs"),
            (["query", table!, "--dataset", "cifar10", "--split", "valid", "--metric", "accuracy", "--epochs", "200",
              "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"], "no column cifar10.valid.accuracy.e200"),
            (["query", table!, "--dataset", "mnist", "--split", "test", "--metric", "accuracy", "--epochs", "200", "x"],
             "unknown dataset 'mnist'"),
            (["import", "csv", folder.file("r.csv"), "--space", "nb999", "--map", "acc=cifar10.test.accuracy.e200", "-o", folder.file("x.h5")],
             "The value 'nb999' is invalid for '--space <space>'"),
            (["info", table!, "--bogus"], "Unknown option '--bogus'"),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments) should fail")
            XCTAssertTrue(result.stderr.contains(expected), "\(arguments): '\(result.stderr)' lacks '\(expected)'")
            XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
        }
    }
}
