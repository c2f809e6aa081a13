import Foundation
import NASOracle
import TestSupport
import XCTest

/// End-to-end `nasbench predictors` and `nasbench search` on small NB101 and NAS-Bench-Graph
/// tables (Fixtures), and their bad input.
final class SpacesCLITests: XCTestCase {
    nonisolated(unsafe) static var shared: (folder: TemporaryFolder, nb101: String, nbgraph: String)?

    /// A 40-model NB101 sample and the first 400 NAS-Bench-Graph architectures, written once.
    func tables() throws -> (nb101: String, nbgraph: String) {
        if let shared = Self.shared { return (shared.nb101, shared.nbgraph) }
        let folder = try TemporaryFolder()
        let nb101 = folder.file("nb101.h5"), nbgraph = folder.file("nbgraph.h5")
        try Fixtures.nb101Table(count: 40).write(to: nb101)
        try Fixtures.nbgraphTable(count: 400).write(to: nbgraph)
        Self.shared = (folder, nb101, nbgraph)
        return (nb101, nbgraph)
    }

    /// Small MLP and GCN so that the runs take seconds.
    func smallNetworks(_ folder: TemporaryFolder) throws -> String {
        try folder.write("small.json", """
            {"mlp": {"hiddenLayers": [16, 16], "epochs": 5}, "gcn": {"epochs": 3, "gcnHidden": 8, "linearHidden": 8}}
            """)
    }

    func predictors(_ table: String, label: [String], encoding: String, kinds: String, out: String, config: String) -> [String] {
        ["predictors", "--table", table] + label + [
            "--train-sizes", "10,20", "--trials", "2", "--predictors", kinds, "--encoding", encoding, "--rf-trees", "10",
            "--gbdt-trees", "10", "--config", config, "--jobs", "1", "--out", out,
        ]
    }

    static let nb101Label = ["--dataset", "cifar10", "--split", "valid", "--metric", "accuracy", "--epochs", "108"]
    static let coraLabel = ["--dataset", "cora", "--split", "valid", "--metric", "accuracy", "--epochs", "400"]

    func testPredictorsOnEverySpaceAndEncoding() throws {
        let (nb101, nbgraph) = try tables()
        let tmp = try TemporaryFolder()
        let config = try smallNetworks(tmp)
        let runs: [(String, [String], String, String, Int)] = [
            (nb101, Self.nb101Label, "adjacency", "rf,gbdt,mlp", 36),
            (nb101, Self.nb101Label, "path", "rf,gbdt", 364),
            (nb101, Self.nb101Label, "graph", "gcn", 91),
            (nbgraph, Self.coraLabel, "adjacency", "rf,gbdt,mlp", 46),
            (nbgraph, Self.coraLabel, "graph", "gcn", 102),
        ]
        for (index, (table, label, encoding, kinds, width)) in runs.enumerated() {
            let out = tmp.file("run\(index)")
            let result = try CLI.run(predictors(table, label: label, encoding: encoding, kinds: kinds, out: out, config: config))
            XCTAssertEqual(result.status, 0, result.stderr)
            let results = try String(contentsOfFile: out + "/results.csv", encoding: .utf8).split(separator: "\n")
            XCTAssertEqual(results.count, 1 + kinds.split(separator: ",").count * 2 * 2, "\(kinds) \(encoding)")
            // Train and test cells are the table's rows: 40 - 10 held out at n = 10.
            let held = table == nb101 ? "30" : "390"
            XCTAssertEqual(results[1].split(separator: ",").map(String.init)[5], held)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/config.json")))
            XCTAssertEqual((json as? [String: Any])?["feature_count"] as? Int, width, "\(encoding)")
        }
    }

    func testSearchOnNB101AndNBGraphTables() throws {
        let (nb101, nbgraph) = try tables()
        let tmp = try TemporaryFolder()
        for (name, table) in [("nb101", nb101), ("nbgraph", nbgraph)] {
            let arguments = [
                "search", "--table", table, "--strategies", "random,evolution,local,weaknas", "--weaknas-model", "rf",
                "--trials", "3", "--budget", "until-search-optimum", "--query-seed", "mean", "--population", "10",
                "--sample-size", "5", "--seed", "2", "--jobs", "1",
            ]
            let a = try CLI.run(arguments + ["--out", tmp.file(name + "-a")])
            XCTAssertEqual(a.status, 0, a.stderr)
            XCTAssertTrue(a.stdout.contains("weaknas/rf"), a.stdout)
            let b = try CLI.run(arguments + ["--out", tmp.file(name + "-b"), "--jobs", "2"])
            XCTAssertEqual(b.status, 0, b.stderr)
            for file in ["trials.csv", "queries.csv", "summary.csv"] {
                XCTAssertEqual(
                    try String(contentsOfFile: tmp.file(name + "-a") + "/" + file, encoding: .utf8),
                    try String(contentsOfFile: tmp.file(name + "-b") + "/" + file, encoding: .utf8), "\(name) \(file)")
            }
            let trials = try String(contentsOfFile: tmp.file(name + "-a") + "/trials.csv", encoding: .utf8)
                .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            XCTAssertEqual(trials.count, 12)
            XCTAssertTrue(trials.allSatisfy { !$0[5].isEmpty }, "every trial found the optimum")
            let summary = try String(contentsOfFile: tmp.file(name + "-a") + "/summary.csv", encoding: .utf8)
            let expectation = name == "nb101" ? "20.5" : "200.5"  // (N + 1) / (k + 1) with k = 1
            XCTAssertTrue(summary.contains(expectation), summary)
        }
    }

    func testBadInputIsOneClearLine() throws {
        let (nb101, nbgraph) = try tables()
        let tmp = try TemporaryFolder()
        let config = try smallNetworks(tmp)
        let cases: [([String], String)] = [
            (predictors(nbgraph, label: Self.coraLabel, encoding: "path", kinds: "rf", out: tmp.file("a"), config: config),
             "encoding path is not defined for NAS-Bench-Graph (use one of: adjacency_one_hot, graph)"),
            (["search", "--table", nbgraph, "--strategies", "weaknas", "--weaknas-model", "gcn", "--search-column",
              "cora.valid.accuracy.e200", "--out", tmp.file("b")], "cora.valid.accuracy.e200"),
            (predictors(nb101, label: Self.nb101Label, encoding: "adjacency", kinds: "rf", out: tmp.file("c"), config: config)
                .map { $0 == "10,20" ? "10,39" : $0 }, "train size 39 does not fit the 40 cells of the table"),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments)
            XCTAssertNotEqual(result.status, 0, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.contains(expected), "'\(result.stderr)' lacks '\(expected)'")
            XCTAssertEqual(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count, 1, result.stderr)
        }
    }
}
