import Foundation
import NASMetaD2A
import NASSpaces
import NASTensor
import NASTensorState
import XCTest

/// The generator against a NumPy restatement of the authors' `set_encode` and `loss`
/// (tools/reference/metad2a_models_reference.py), gradients by finite differences, sizes and
/// state names, decoding, and a small end-to-end fit.
final class GraphGeneratorTests: XCTestCase {
    static let tiny = GeneratorConfiguration(featureSize: 6, hiddenSize: 4, latentSize: 4, numHeads: 2)

    static func config(_ c: GeneratorConfiguration) -> [String: Double] {
        ["hidden": Double(c.hiddenSize), "max_n": Double(c.maxVertices), "heads": Double(c.numHeads),
         "kl_weight": Double(c.klWeight), "noise_scale": Double(c.noiseScale)]
    }

    /// Teacher-forced loss with reparameterisation noise, dataset encoding and KL: the loss, its
    /// parts, mean and log-variance within the Float32 bound of the same composition. The loss is
    /// restated from this mean and log-variance (so its bound, about 3e-5 of the value, does not
    /// inherit the set encoder's, which compounds to about 1% through eight attention blocks). One of the
    /// graphs has other edges than NB201's, so the batch's gated sums mask different predecessors.
    func testLossMatchesNumpyRestatement() throws {
        var rng = SplitMix64(seed: 5)
        let c = GeneratorConfiguration(featureSize: 6, hiddenSize: 8, latentSize: 6, numHeads: 2)
        let model = GraphGenerator(configuration: c, using: &rng)
        let tasks = Synthetic.tasks(3, classes: 3, samples: 4, features: 6, using: &rng)
        var graphs = Synthetic.cells(2, using: &rng).map(MetaD2AGraph.init(cell:))
        graphs.append(MetaD2AGraph(types: graphs[0].types, predecessors: [[], [0], [1], [0, 2], [3], [0, 1, 4], [2, 5], [3, 6]]))
        let (mean, logVariance) = model.encode(tasks)
        let noise = Tensor.randomNormal(mean.shape, using: &rng)
        let loss = model.loss(mean: mean, logVariance: logVariance, noise: noise, graphs: graphs)
        let reference = try ModelReference.evaluate("generator", parameters: model.namedParameters(), config: Self.config(c),
                                                    tasks: tasks, graphs: graphs, noise: noise,
                                                    extra: ["mean_in": mean, "log_variance_in": logVariance])
        for (name, t) in [("mean", mean), ("log_variance", logVariance), ("reconstruction", loss.reconstruction),
                          ("kl", loss.kl), ("total", loss.total)] {
            ModelReference.assertMatches(t, reference, name)
        }
        XCTAssertGreaterThan(loss.reconstruction.item, 10)  // 7 vertices and 28 edge decisions per graph
    }

    /// Every parameter's gradient by finite differences on hidden 4 (set encoder's every third
    /// element). The loss evaluates the ReLU MLPs (add_vertex, add_edge, each block's fc_o)
    /// hundreds of times, so a step of 0.01 would cross some ReLU kink for many parameters: their
    /// first-layer biases are raised by 3 here, which keeps every unit active (the ReLU's own
    /// gradient is checked in the engine's tests).
    func testGradientsMatchFiniteDifferences() {
        var rng = SplitMix64(seed: 8)
        let model = GraphGenerator(configuration: Self.tiny, using: &rng)
        let pools = [model.datasetEncoder.intraSetPool, model.datasetEncoder.interSetPool]
        let blocks = pools.flatMap { [$0.enc0.mab, $0.enc1.mab, $0.pma.mab] }
        for bias in [model.addVertex.first.bias, model.addEdge.first.bias] + blocks.map(\.fcO.bias) {
            bias?.withMutableData { for i in $0.indices { $0[i] += 3 } }
        }
        let tasks = Synthetic.tasks(2, classes: 3, samples: 3, features: 6, using: &rng)
        let graphs = Synthetic.cells(2, using: &rng).map(MetaD2AGraph.init(cell:))
        let noise = Tensor.randomNormal([2, 4], using: &rng)
        let setNames = Set(model.datasetEncoder.namedParameters().map(\.0))
        assertGradientsMatchFiniteDifferences(model.namedParameters(), strided: setNames, stride: 3) {
            let (mean, logVariance) = model.encode(tasks)
            return model.loss(mean: mean, logVariance: logVariance, noise: noise, graphs: graphs).total
        }
    }

    /// The authors' sizes (hs 56, nz 56, nvt 7, max_n 8, 512 features, SAB/SAB/PMA/Linear at width
    /// nz with 4 heads) and their state_dict names.
    func testDefaultSizesAndNames() throws {
        var rng = SplitMix64(seed: 1)
        let model = GraphGenerator(using: &rng)
        XCTAssertEqual(model.configuration.klWeight, 0.005)
        XCTAssertEqual(model.configuration.noiseScale, 0.01)
        let shapes = Dictionary(uniqueKeysWithValues: model.namedParameters().map { ($0.0, $0.1.shape) })
        let expected: [String: [Int]] = [
            "fc1.weight": [56, 56], "fc2.weight": [56, 56], "fc3.weight": [56, 56],
            "grud.weight_ih": [168, 7], "grud.weight_hh": [168, 56],
            "add_vertex.0.weight": [112, 56], "add_vertex.2.weight": [7, 112],
            "add_edge.0.weight": [224, 112], "add_edge.2.weight": [1, 224],
            "decoding_gate.0.weight": [56, 64], "decoding_gate.0.bias": [56], "decoding_mapper.0.weight": [56, 64],
            "intra_setpool.enc.0.mab.fc_q.weight": [56, 512], "intra_setpool.enc.0.mab.fc_k.weight": [56, 512],
            "intra_setpool.enc.1.mab.fc_q.weight": [56, 56], "intra_setpool.dec.0.S": [1, 1, 56],
            "intra_setpool.dec.0.mab.fc_o.weight": [56, 56], "intra_setpool.dec.1.weight": [56, 56],
            "inter_setpool.enc.0.mab.fc_q.weight": [56, 56], "inter_setpool.dec.1.bias": [56],
        ]
        for (name, shape) in expected { XCTAssertEqual(shapes[name], shape, name) }
        XCTAssertNil(shapes["decoding_mapper.0.bias"])
        XCTAssertEqual(model.datasetEncoder.intraSetPool.enc0.mab.numHeads, 4)
        XCTAssertNil(model.datasetEncoder.intraSetPool.enc0.mab.ln0)
        XCTAssertEqual(shapes.count, model.namedParameters().count, "unique names")
    }

    func testStateSavesAndLoads() throws {
        var rng = SplitMix64(seed: 2)
        let model = GraphGenerator(configuration: Self.tiny, using: &rng)
        let other = GraphGenerator(configuration: Self.tiny, using: &rng)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("generator-\(UUID().uuidString).h5").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.saveState(to: path)
        try other.loadState(from: path)
        for ((n1, a), (n2, b)) in zip(model.namedParameters(), other.namedParameters()) {
            XCTAssertEqual(n1, n2)
            XCTAssertEqual(a.data, b.data, n1)
        }
    }

    /// Decoding returns graphs of types, with `end` taking every loose end; argmax is
    /// deterministic; sampling is reproducible from the seed.
    func testDecodingIsDeterministicOrSeeded() throws {
        var rng = SplitMix64(seed: 4)
        let model = GraphGenerator(configuration: Self.tiny, using: &rng)
        let z = Tensor.randomNormal([5, 4], using: &rng)
        XCTAssertEqual(model.decodeArgmax(z), model.decodeArgmax(z))
        var a = SplitMix64(seed: 11), b = SplitMix64(seed: 11)
        let sampled = try model.decode(z, sampling: true, using: &a)
        XCTAssertEqual(sampled, try model.decode(z, sampling: true, using: &b))
        for g in sampled + model.decodeArgmax(z) {
            XCTAssertEqual(g.types.first, .start)
            XCTAssertEqual(g.types.last, .end)
            XCTAssertEqual(g.types.dropLast().filter { $0 == .end }.count, 0)
            XCTAssertLessThanOrEqual(g.vertexCount, 8)
            let outputs = g.successors
            XCTAssertTrue((0..<(g.vertexCount - 1)).allSatisfy { !outputs[$0].isEmpty }, "end takes every loose end")
            if let cell = try? g.nb201Cell() { XCTAssertEqual(MetaD2AGraph(cell: cell).types, g.types) }
        }
    }

    /// 200 Adam steps on 8 (task, cell) pairs: argmax decoding from each task's mean then gives
    /// back its training cell exactly (types, and every edge but the end's, which decoding sets
    /// to the loose ends).
    func testSmallFitReconstructsTrainingCells() throws {
        var rng = SplitMix64(seed: 17)
        let c = GeneratorConfiguration(featureSize: 8, hiddenSize: 16, latentSize: 16, numHeads: 2)
        let model = GraphGenerator(configuration: c, using: &rng)
        let tasks = Synthetic.tasks(8, classes: 3, samples: 5, features: 8, using: &rng)
        let cells = Synthetic.cells(8, using: &rng)
        let graphs = cells.map(MetaD2AGraph.init(cell:))
        let adam = Adam(parameters: model.parameters(), learningRate: 1e-2)
        var first: Float = 0, last: Float = 0
        for step in 0..<200 {
            model.zeroGrad()
            let (mean, logVariance) = model.encode(tasks)
            let loss = model.loss(mean: mean, logVariance: logVariance, graphs: graphs, using: &rng)
            loss.total.backward()
            adam.step()
            if step == 0 { first = loss.total.item }
            last = loss.total.item
        }
        XCTAssertLessThan(last, first / 5, "loss \(first) -> \(last)")
        let decoded = GradMode.withNoGrad { model.decodeArgmax(model.encode(tasks).mean) }
        XCTAssertEqual(try decoded.map { try $0.nb201Cell() }, cells)
        for (d, g) in zip(decoded, graphs) { XCTAssertEqual(Array(d.predecessors.prefix(7)), Array(g.predecessors.prefix(7))) }
    }
}
