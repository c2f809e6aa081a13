import Foundation
import NASMetaD2A
import NASSpaces
import NASTensor
import NASTensorState
import XCTest

/// The meta-predictor against a NumPy restatement of the authors' `set_encode`, `graph_encode`,
/// `predict` and summed squared error, gradients by finite differences, sizes and state names,
/// a small end-to-end fit, and the label scaling.
final class MetaPredictorTests: XCTestCase {
    static let tiny = MetaPredictorConfiguration(featureSize: 6, hiddenSize: 5, embeddingSize: 4, numHeads: 2)

    static func config(_ c: MetaPredictorConfiguration) -> [String: Double] {
        ["hidden": Double(c.hiddenSize), "max_n": Double(c.maxVertices), "heads": Double(c.numHeads)]
    }

    func testForwardMatchesNumpyRestatement() throws {
        var rng = SplitMix64(seed: 3)
        let c = MetaPredictorConfiguration(featureSize: 6, hiddenSize: 12, embeddingSize: 4, numHeads: 2)
        let model = MetaPredictor(configuration: c, using: &rng)
        let tasks = Synthetic.tasks(3, classes: 2, samples: 5, features: 6, using: &rng)
        var graphs = Synthetic.cells(2, using: &rng).map(MetaD2AGraph.init(cell:))
        graphs.append(MetaD2AGraph(types: graphs[1].types, predecessors: [[], [0], [1], [0, 2], [3], [0, 1, 4], [2, 5], [3, 6]]))
        let targets: [Float] = [0.012, -0.004, 0.02]
        let prediction = model.predict(tasks: tasks, graphs: graphs)
        let loss = model.loss(tasks: tasks, graphs: graphs, targets: targets)
        let reference = try ModelReference.evaluate("predictor", parameters: model.namedParameters(), config: Self.config(c),
                                                    tasks: tasks, graphs: graphs, targets: targets)
        ModelReference.assertMatches(prediction, reference, "prediction")
        ModelReference.assertMatches(loss, reference, "loss")
    }

    func testGradientsMatchFiniteDifferences() {
        var rng = SplitMix64(seed: 6)
        let model = MetaPredictor(configuration: Self.tiny, using: &rng)
        let tasks = Synthetic.tasks(2, classes: 3, samples: 3, features: 6, using: &rng)
        let graphs = Synthetic.cells(2, using: &rng).map(MetaD2AGraph.init(cell:))
        let setNames = Set(model.datasetEncoder.namedParameters().map(\.0))
        assertGradientsMatchFiniteDifferences(model.namedParameters(), strided: setNames, stride: 3) {
            model.loss(tasks: tasks, graphs: graphs, targets: [0.5, -0.7])
        }
    }

    /// The authors' predictor sizes (`--hs 512 --nz 56`) and state_dict names.
    func testDefaultSizesAndNames() {
        var rng = SplitMix64(seed: 1)
        let model = MetaPredictor(using: &rng)
        let shapes = Dictionary(uniqueKeysWithValues: model.namedParameters().map { ($0.0, $0.1.shape) })
        let expected: [String: [Int]] = [
            "grue_forward.weight_ih": [1536, 7], "grue_forward.weight_hh": [1536, 512], "grue_backward.bias_hh": [1536],
            "fc1.weight": [56, 512], "gate_forward.0.weight": [512, 520], "mapper_backward.0.weight": [512, 520],
            "hg_unify.0.weight": [512, 1024], "pred_fc.0.weight": [512, 112], "pred_fc.2.weight": [1, 512],
            "intra_setpool.enc.0.mab.fc_q.weight": [56, 512], "inter_setpool.dec.0.S": [1, 1, 56],
        ]
        for (name, shape) in expected { XCTAssertEqual(shapes[name], shape, name) }
        XCTAssertEqual(shapes.count, model.namedParameters().count, "unique names")
    }

    func testStateSavesAndLoads() throws {
        var rng = SplitMix64(seed: 2)
        let model = MetaPredictor(configuration: Self.tiny, using: &rng)
        let other = MetaPredictor(configuration: Self.tiny, using: &rng)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("predictor-\(UUID().uuidString).h5").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.saveState(to: path)
        try other.loadState(from: path)
        XCTAssertEqual(model.namedParameters().map(\.1.data), other.namedParameters().map(\.1.data))
    }

    /// 200 Adam steps on 8 (task, cell, accuracy) examples: the training loss falls at least 10x.
    func testSmallFitLowersTheLossTenfold() throws {
        var rng = SplitMix64(seed: 23)
        let c = MetaPredictorConfiguration(featureSize: 8, hiddenSize: 16, embeddingSize: 8, numHeads: 2)
        let model = MetaPredictor(configuration: c, using: &rng)
        let tasks = Synthetic.tasks(8, classes: 3, samples: 5, features: 8, using: &rng)
        let graphs = Synthetic.cells(8, using: &rng).map(MetaD2AGraph.init(cell:))
        let accuracies = (0..<8).map { _ in Double(rng.nextFloat(in: 60..<95)) }
        let scaling = try AccuracyScaling(trainingAccuracies: accuracies)
        let targets = accuracies.map { Float(scaling.scaled($0)) }
        let adam = Adam(parameters: model.parameters(), learningRate: 1e-3)
        var first: Float = 0, last: Float = 0
        for step in 0..<200 {
            model.zeroGrad()
            let loss = model.loss(tasks: tasks, graphs: graphs, targets: targets)
            loss.backward()
            adam.step()
            if step == 0 { first = loss.item }
            last = loss.item
        }
        XCTAssertLessThan(last, first / 10, "loss \(first) -> \(last)")
    }

    /// loader.py: `((acc - mean) / std) / 100` with torch.std's n - 1.
    func testAccuracyScaling() throws {
        let s = try AccuracyScaling(trainingAccuracies: [90, 92, 94])
        XCTAssertEqual(s.mean, 92)
        XCTAssertEqual(s.std, 2)
        XCTAssertEqual(s.scaled(96), 0.02, accuracy: 1e-15)
        XCTAssertEqual(s.accuracy(scaled: s.scaled(71.5)), 71.5, accuracy: 1e-12)
        XCTAssertThrowsError(try AccuracyScaling(trainingAccuracies: [90])) { XCTAssertEqual($0 as? AccuracyScalingError, .tooFew(1)) }
        XCTAssertThrowsError(try AccuracyScaling(trainingAccuracies: [90, 90])) {
            XCTAssertEqual("\($0)", "accuracy scaling: every training accuracy is 90.0, the standard deviation is 0")
        }
        XCTAssertThrowsError(try AccuracyScaling(trainingAccuracies: [90, .infinity])) {
            XCTAssertEqual($0 as? AccuracyScalingError, .notFinite(.infinity))
        }
    }
}
