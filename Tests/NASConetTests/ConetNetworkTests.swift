@testable import NASConet
import NASCore
import NASDatasets
import NASEvaluators
import NASSpaces
import NASTensor
import XCTest

/// The engine network built from a channel graph: its parameters agree with the graph's counter and
/// with the NB201 network built independently; weight transfer at unchanged widths keeps its function.
final class ConetNetworkTests: XCTestCase {
    func parameterCount(_ network: ConetNetwork) -> Int { network.parameters().reduce(0) { $0 + $1.count } }

    func testParametersMatchTheGraphsCounter() throws {
        let (graph, standard) = try ChannelGraph.model(named: "resnet20")
        var rng = SplitMix64(seed: 1)
        for widths in [standard, [8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30], Array(repeating: 6, count: 12)] {
            let network = try ConetNetwork(graph: graph, widths: widths, using: &rng)
            XCTAssertEqual(parameterCount(network), try graph.cost(widths: widths, imageSize: 32).parameters, "\(widths)")
        }
        XCTAssertEqual(parameterCount(try ConetNetwork(graph: graph, widths: standard, using: &rng)), 272_474)
        XCTAssertThrowsError(try ConetNetwork(graph: graph, widths: [16, 16], using: &rng))
    }

    /// A ReLU whose input is a batch norm read by nothing else runs inside that batch norm: in
    /// ResNet-20 the stem's and each block's first; not those after a residual sum.
    func testReLUsFuseIntoTheBatchNormsOnlyTheyRead() throws {
        let (graph, standard) = try ChannelGraph.model(named: "resnet20")
        var rng = SplitMix64(seed: 2)
        let network = try ConetNetwork(graph: graph, widths: standard, using: &rng)
        XCTAssertEqual(network.fusedReLUs.count, 1 + 9)
        for id in network.fusedReLUs {
            guard case .same(_, let input, .relu) = graph.nodes[id], case .same(_, _, .batchNorm) = graph.nodes[input] else {
                return XCTFail("node \(id) is not a ReLU of a batch norm")
            }
        }
    }

    /// NB201's network from its graph, against `NB201Network` (written separately for random-weight
    /// evaluation): same parameter count, and with the same weights copied in construction order the
    /// same logits, for cells with every kind of edge.
    func testNB201GraphNetworkComputesWhatTheNB201NetworkDoes() throws {
        let space = NB201Space()
        for text in ["|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
                     "|avg_pool_3x3~0|+|nor_conv_1x1~0|none~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_1x1~2|",
                     "|none~0|+|skip_connect~0|nor_conv_3x3~1|+|none~0|none~1|avg_pool_3x3~2|"] {
            let cell = try space.parse(text)
            let (graph, widths) = ChannelGraph.nb201(cell: cell, channels: 4, cellsPerStage: 1)
            var rng = SplitMix64(seed: 7)
            let ours = try ConetNetwork(graph: graph, widths: widths, using: &rng)
            let theirs = try NB201Network(cell: cell, channels: 4, cellsPerStage: 1, using: &rng)
            XCTAssertEqual(parameterCount(ours), NB201Network.parameterCount(cell: cell, channels: 4, cellsPerStage: 1), text)
            let a = ours.parameters(), b = theirs.parameters()
            XCTAssertEqual(a.map(\.shape), b.map(\.shape), "parameter order differs for \(text)")
            for (x, y) in zip(a, b) where x.shape == y.shape { x.assign(y.data) }
            ours.eval(); theirs.eval()
            let images = Tensor(shape: [3, 3, 8, 8], data: (0..<(3 * 3 * 64)).map { Float(sin(Double($0) * 0.37)) })
            let (p, q) = (ours(images).data, theirs(images).data)
            XCTAssertEqual(p.count, q.count)
            for (u, v) in zip(p, q) { XCTAssertEqual(u, v, accuracy: 1e-5 * max(1, abs(v)), text) }
        }
    }

    /// Unchanged widths: the transferred convolutions are bit for bit the old ones, so with BN and
    /// classifier state copied too the new network computes exactly what the old one did.
    func testTransferAtUnchangedWidthsKeepsTheFunctionExactly() throws {
        let (graph, _) = try ChannelGraph.model(named: "resnet20")
        let widths = [8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30]
        var rng = SplitMix64(seed: 3)
        let old = try ConetNetwork(graph: graph, widths: widths, using: &rng)
        let new = try ConetNetwork(graph: graph, widths: widths, using: &rng)
        for ((_, a), (_, b)) in zip(old.convolutions, new.convolutions) {
            let s = WeightTransfer.Shape(outChannels: a.weight.shape[0], inChannels: a.weight.shape[1], kh: a.weight.shape[2], kw: a.weight.shape[3])
            b.weight.assign(try WeightTransfer.transfer(a.weight.data, from: s, to: s))
        }
        let convWeights = Set(new.convolutions.map { "\($0.name).weight" })
        let oldState = old.state()
        for (name, tensor) in new.namedParameters() + new.namedBuffers() where !convWeights.contains(name) {
            tensor.assign(oldState[name]!.data)
        }
        old.eval(); new.eval()
        let images = Tensor(shape: [2, 3, 16, 16], data: (0..<(2 * 3 * 256)).map { Float(cos(Double($0) * 0.11)) })
        XCTAssertEqual(old(images).data, new(images).data)
    }

    func testAugmentationCropsFromTheZeroPaddedImageThenFlips() throws {
        // 2 images of 1 channel 4 x 4, pixel value = its index; normalisation mean 0, std 1 / 255.
        let dataset = ImageDataset(pixels: (0..<32).map(UInt8.init), labels: [0, 1], channels: 1, height: 4, width: 4, classNames: ["a", "b"])
        let images = try ConetImages(dataset, mean: [0], std: [1.0 / 255])
        var rng = SplitMix64(seed: 11)
        var replay = rng
        let batch = images.augmentedBatch([0, 1], padding: 2, using: &rng).data
        for r in 0..<2 {
            let top = replay.nextIndex(below: 5) - 2, left = replay.nextIndex(below: 5) - 2, flip = replay.nextUnitDouble() < 0.5
            for y in 0..<4 {
                for x in 0..<4 {
                    let sy = y + top, sx = (flip ? 3 - x : x) + left
                    let expected: Float = sy >= 0 && sy < 4 && sx >= 0 && sx < 4 ? Float(r * 16 + sy * 4 + sx) : 0
                    XCTAssertEqual(batch[r * 16 + y * 4 + x], expected, accuracy: 1e-3)
                }
            }
        }
    }
}
