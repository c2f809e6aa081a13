import Foundation
import NASExperiments
import NASPredictors
import TestSupport
import XCTest

final class ConfigFileTests: XCTestCase {
    private func write(_ text: String, _ name: String, in folder: TemporaryFolder) throws -> String {
        try folder.write(name, text)
    }

    func testYAMLGivesTheSameSettingsAsJSON() throws {
        let folder = try TemporaryFolder()
        let json = try write(#"""
            {"rf": {"treeCount": 50, "maxFeatures": {"fraction": 0.5}, "maxDepth": null, "bootstrap": true},
             "mlp": {"hiddenLayers": [64, 32], "learningRate": 0.0001, "batchSize": null},
             "gbdt": {"maxFeatures": "sqrt"}}
            """#, "h.json", in: folder)
        let yaml = try write("""
            # the same in YAML
            rf:
              treeCount: 50
              maxFeatures: {fraction: 0.5}
              maxDepth: ~
              bootstrap: true
            mlp:
              hiddenLayers: [64, 32]
              learningRate: 1e-4
              batchSize: null
            gbdt:
              maxFeatures: "sqrt"
            """, "h.yml", in: folder)
        let fromJSON = try PredictorSettings(json: ConfigFile.jsonData(path: json))
        let fromYAML = try PredictorSettings(json: ConfigFile.jsonData(path: yaml))
        XCTAssertEqual(fromYAML, fromJSON)
        XCTAssertEqual(fromYAML.randomForest.treeCount, 50)
        XCTAssertEqual(fromYAML.mlp.learningRate, 1e-4)
        XCTAssertEqual(fromYAML.mlp.hiddenLayers, [64, 32])
        XCTAssertNotEqual(fromYAML, PredictorSettings())
    }

    func testBadFilesGiveOneLineErrors() throws {
        let folder = try TemporaryFolder()
        let unknownKey = try write("rf:\n  treeCont: 5\n", "typo.yaml", in: folder)
        XCTAssertThrowsError(try PredictorSettings(json: ConfigFile.jsonData(path: unknownKey))) { error in
            XCTAssertTrue("\(error)".contains("rf.treeCont"), "\(error)")
        }
        let quotedNumber = try write("rf:\n  treeCount: \"5\"\n", "quoted.yaml", in: folder)
        XCTAssertThrowsError(try PredictorSettings(json: ConfigFile.jsonData(path: quotedNumber)))
        for (name, text, expected) in [
            ("broken.yaml", "rf: [1, 2\n", "malformed YAML"),
            ("list.yaml", "- 1\n- 2\n", "mapping"),
            ("h.toml", "[rf]\n", ".json, .yaml or .yml"),
        ] {
            let path = try write(text, name, in: folder)
            XCTAssertThrowsError(try ConfigFile.jsonData(path: path)) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(expected) && message.contains(name), message)
                XCTAssertFalse(message.contains("\n"), message)
            }
        }
        XCTAssertThrowsError(try ConfigFile.jsonData(path: folder.file("missing.yaml")))
    }
}
