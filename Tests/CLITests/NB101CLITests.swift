import Foundation
import NASOracle
import TestSupport
import XCTest

/// End-to-end: `nasbench import nb101-naslib`, then info, query, top and verify on NB101.
final class NB101CLITests: XCTestCase {
    var folder: TemporaryFolder!
    var table: String!
    let accuracy = ["--dataset", "cifar10", "--split", "valid", "--metric", "accuracy", "--epochs", "108"]

    override func setUpWithError() throws {
        folder = try TemporaryFolder()
        let csv = try folder.write("naslib.csv", Fixtures.nb101NASLibCSV())
        table = folder.file("nb101.h5")
        let result = try CLI.run(["import", "nb101-naslib", csv, "-o", table])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("3 cells, 3 columns"), result.stdout)
    }

    func testQueryFindsAnySpecOfAModel() throws {
        // The bare cell written as a 7-vertex spec whose op vertices are all cut off.
        let padded = "0000001,0000000,0000000,0000000,0000000,0000000,0000000|conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu,conv3x3-bn-relu"
        let swapped = "0110,0001,0001,0000|input,conv1x1-bn-relu,conv3x3-bn-relu,output"
        let result = try CLI.run(["query", table!] + accuracy + ["--format", "csv", padded, "01,00|", swapped])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        guard lines.count == 4 else { return XCTFail(result.stdout) }
        XCTAssertEqual(lines[1], "0,01,00|,cifar10.valid.accuracy.e108,mean,80.5,10.0000")
        XCTAssertEqual(lines[2], lines[1])
        XCTAssertTrue(lines[3].hasPrefix("3,0110,0001,0001,0000|conv3x3-bn-relu,conv1x1-bn-relu,"), lines[3])
        XCTAssertTrue(lines[3].hasSuffix(",mean,90.5,0.0000"), lines[3])
    }

    func testInfoTopVerifyAndErrors() throws {
        let info = try CLI.run(["info", table!])
        XCTAssertTrue(info.stdout.contains("nb101, 3 cells"), info.stdout)
        XCTAssertTrue(info.stdout.contains("cifar10.none.params_m"), info.stdout)
        let top = try CLI.run(["top", table!] + accuracy + ["-k", "2", "--unique", "benchmark"])
        XCTAssertEqual(top.status, 0, top.stderr)
        XCTAssertTrue(top.stdout.hasPrefix("1\t3\t90.5\t0110,0001,0001,0000|conv3x3-bn-relu,conv1x1-bn-relu"), top.stdout)
        let verify = try CLI.run(["verify", table!])
        XCTAssertEqual(verify.status, 0, verify.stdout)
        XCTAssertTrue(verify.stdout.contains("3 cells parse as nb101"), verify.stdout)
        let cases: [([String], String)] = [
            (["query", table!] + accuracy + ["011,001,000|conv5x5"], "unknown op 'conv5x5' at vertex 1"),
            (["query", table!] + accuracy + ["011,001,000|conv3x3-bn-relu"], "is not in this nb101 table"),
            (["query", table!] + accuracy + ["0100,0000,0000,0000|conv3x3-bn-relu,conv3x3-bn-relu"], "output is not reachable"),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments)
            XCTAssertNotEqual(result.status, 0)
            XCTAssertTrue(result.stderr.contains(expected), "'\(result.stderr)' lacks '\(expected)'")
        }
    }
}
