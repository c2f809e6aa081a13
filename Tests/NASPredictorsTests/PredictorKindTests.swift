import Foundation
import NASPredictors
import NASSpaces
import XCTest

/// The closed set of predictor kinds and the settings that configure them.
final class PredictorKindTests: XCTestCase {
    func testParseListKeepsOrderAndRejectsUnknownOrRepeatedNames() throws {
        XCTAssertEqual(try PredictorKind.parseList("gbdt,rf"), [.gradientBoosting, .randomForest])
        XCTAssertEqual(try PredictorKind.parseList("gbdt-ensemble"), [.gradientBoostingEnsemble])
        XCTAssertEqual(try PredictorKind.parseList("mlp,rf"), [.mlp, .randomForest])
        XCTAssertThrowsError(try PredictorKind.parseList("rf,svm")) { error in
            XCTAssertEqual("\(error)", "unknown predictor 'svm' (expected one of: rf, gbdt, gbdt-ensemble, mlp, gcn, ridge)")
        }
        XCTAssertThrowsError(try PredictorKind.parseList("rf,rf"))
        XCTAssertThrowsError(try PredictorKind.parseList(""))
        XCTAssertEqual(Set(PredictorKind.allCases.map(\.streamID)).count, PredictorKind.allCases.count)
    }

    func testEncodingNames() throws {
        XCTAssertEqual(try Encoding(parsing: "adjacency"), .adjacencyOneHot)
        XCTAssertEqual(try Encoding(parsing: "adjacency_one_hot"), .adjacencyOneHot)
        XCTAssertEqual(try Encoding(parsing: "path"), .path)
        XCTAssertThrowsError(try Encoding(parsing: "paths")) { error in
            XCTAssertTrue("\(error)".hasPrefix("unknown encoding 'paths' (expected one of: adjacency, "), "\(error)")
        }
    }

    func testSettingsFromJSONKeepDefaultsAndRejectUnknownKeys() throws {
        let settings = try PredictorSettings(json: Data(#"{"rf": {"treeCount": 3}, "gbdt-ensemble": {"memberCount": 2}}"#.utf8))
        XCTAssertEqual(settings.randomForest.treeCount, 3)
        XCTAssertEqual(settings.randomForest.minSamplesLeaf, RandomForestConfiguration().minSamplesLeaf)
        XCTAssertEqual(settings.gradientBoostingEnsemble.memberCount, 2)
        XCTAssertTrue(settings.gradientBoostingEnsemble.bootstrap, "the ensemble's own default")
        XCTAssertEqual(settings.gradientBoosting, GradientBoostingConfiguration())
        // The recorded form lists every hyperparameter and reads back to the same settings.
        let object = try settings.jsonObject()
        XCTAssertTrue((object["rf"] as? [String: Any])?["maxDepth"] is NSNull)
        let data = try JSONSerialization.data(withJSONObject: object)
        XCTAssertEqual(try PredictorSettings(json: data), settings)
        for (text, expected) in [
            (#"{"forest": {}}"#, "forest"), (#"{"gbdt": {"depth": 2}}"#, "gbdt.depth"),
            (#"{"gbdt-ensemble": {"member": {"rounds": 2}}}"#, "gbdt-ensemble.member.rounds"),
            (#"{"rf": {"treeCount": "many"}}"#, "rf.treeCount"),
        ] {
            XCTAssertThrowsError(try PredictorSettings(json: Data(text.utf8))) { error in
                XCTAssertTrue("\(error)".contains(expected), "\(text): \(error)")
            }
        }
    }

    func testEveryKindFitsAndPredictsReproducibly() throws {
        let space = NB201Space()
        let cells = Array(space.allCells.prefix(200))
        let features = space.features(of: cells, as: .adjacencyOneHot)
        let labels = cells.map { Double($0.ops.map(\.index).reduce(0, +)) + Double($0.rank % 7) / 10 }
        var settings = PredictorSettings()
        settings.randomForest.treeCount = 5
        settings.gradientBoosting.treeCount = 5
        settings.gradientBoostingEnsemble.member.treeCount = 5
        settings.mlp = MLPConfiguration(hiddenLayers: [32, 32], epochs: 20)
        settings.gcn = GCNConfiguration(gcnLayers: 2, gcnHidden: 16, linearHidden: 16, learningRate: 1e-2, epochs: 10, batchSize: 32)
        let graphs = space.features(of: cells, as: .graph)
        for kind in PredictorKind.allCases {
            let features = kind == .gcn ? graphs : features
            var predictions: [[Double]] = []
            for _ in 0..<2 {
                var model = kind.makePredictor(settings)
                var generator = SplitMix64(seed: 11)
                try model.fit(features, labels: labels, using: &generator)
                predictions.append(try model.predict(features))
            }
            XCTAssertEqual(predictions[0], predictions[1], "\(kind)")
            XCTAssertGreaterThan(try RankingMetrics.kendallTau(predictions[0], labels), 0.3, "\(kind)")
        }
    }
}
