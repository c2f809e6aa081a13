import NASConet
import NASSpaces
import XCTest

/// Dependency groups by union-find on the declarative graphs, checked by hand.
final class DependencyGroupTests: XCTestCase {
    func testResNet34HasTheAuthors20Groups() throws {
        let (graph, widths) = try ChannelGraph.model(named: "resnet34")
        let groups = graph.dependencyGroups()
        XCTAssertEqual(groups.count, 20)
        // 16 blocks each give [conv1.out, conv2.in]; 4 residual streams hold the rest.
        let inner = groups.filter { $0.producers.count == 1 && $0.producers[0].hasSuffix(".conv1") }
        XCTAssertEqual(inner.count, 16)
        XCTAssertTrue(inner.allSatisfy { $0.consumers == [$0.producers[0].replacingOccurrences(of: "conv1", with: "conv2")] })
        let streams = groups.filter { $0.producers.count > 1 }
        XCTAssertEqual(streams.count, 4)
        // Stage 1's stream: the stem and the 3 blocks' conv2 (identity shortcuts).
        XCTAssertEqual(streams[0].producers, ["conv1", "layer1.0.conv2", "layer1.1.conv2", "layer1.2.conv2"])
        // Stage 2's: the first block's 1x1 shortcut joins its conv2 outputs.
        XCTAssertEqual(Set(streams[1].producers), Set(["layer2.0.conv2", "layer2.0.shortcut.conv", "layer2.1.conv2", "layer2.2.conv2", "layer2.3.conv2"]))
        XCTAssertEqual(widths.sorted().first, 64)
        XCTAssertFalse(groups.contains { $0.consumers.contains("fc") })
        // The authors' README gives the CIFAR-100 ResNet-34 baseline as 21.3M parameters.
        let parameters = try graph.cost(widths: widths, imageSize: 32).parameters
        XCTAssertEqual(Double(parameters) / 1e6, 21.3, accuracy: 0.05, "\(parameters)")
    }

    func testResNet20ByHand() throws {
        let (graph, widths) = try ChannelGraph.model(named: "resnet20")
        let groups = graph.dependencyGroups()
        // 3 streams + 9 blocks' inner groups.
        XCTAssertEqual(groups.count, 12)
        XCTAssertEqual(groups[0].producers, ["conv1", "layer1.0.conv2", "layer1.1.conv2", "layer1.2.conv2"])
        XCTAssertEqual(groups[0].consumers, ["layer1.0.conv1", "layer1.1.conv1", "layer1.2.conv1", "layer2.0.conv1", "layer2.0.shortcut.conv"])
        XCTAssertEqual(widths, [16, 16, 16, 16, 32, 32, 32, 32, 64, 64, 64, 64])
        // Parameters by hand (3x3 convs without bias, BN 2 per channel, 1x1 shortcut convs + BN, fc):
        // stem 3*16*9 + 32; stage 1: 6 convs 16*16*9 + 6 BN of 16; stage 2: 32*16*9 + 5*32*32*9 + 6*64
        // + shortcut 16*32 + 64; stage 3 likewise at 64; fc 64*10 + 10.
        let stem = 3 * 16 * 9 + 32
        let stage1 = 6 * 16 * 16 * 9 + 6 * 32
        let stage2 = 32 * 16 * 9 + 5 * 32 * 32 * 9 + 6 * 64 + 16 * 32 + 64
        let stage3 = 64 * 32 * 9 + 5 * 64 * 64 * 9 + 6 * 128 + 32 * 64 + 128
        let fc = 64 * 10 + 10
        XCTAssertEqual(try graph.cost(widths: widths, imageSize: 32).parameters, stem + stage1 + stage2 + stage3 + fc)
    }

    func testNB201NetworkGroupsByHand() throws {
        // The best CIFAR-10 cell: node1 = conv(n0); node2 = conv(n0) + conv(n1);
        // node3 = skip(n0) + conv(n1) + conv(n2). By channels: node 3 is added to the cell input,
        // so the stream holds the convs 1->3 and 2->3; node 1 (conv 0->1) and node 2 (convs 0->2
        // and 1->2) are each their own group. Per cell 2 groups, 15 cells; 3 stage streams (the
        // reduction's conv_b and downsample join the next stream); 2 reductions' conv_a.
        let (graph, widths) = try ChannelGraph.model(named: "nb201")
        let groups = graph.dependencyGroups()
        XCTAssertEqual(groups.count, 15 * 2 + 3 + 2)
        XCTAssertEqual(widths.filter { $0 == 16 }.count, 11)
        let node2 = try XCTUnwrap(groups.first { $0.producers.contains("stage0.cell0.edge02.conv") })
        XCTAssertEqual(node2.producers, ["stage0.cell0.edge02.conv", "stage0.cell0.edge12.conv"])
        XCTAssertEqual(node2.consumers, ["stage0.cell0.edge23.conv"])
        let stream = try XCTUnwrap(groups.first { $0.producers.contains("stem.conv") })
        XCTAssertTrue(stream.producers.contains("stage0.cell4.edge23.conv"))
        XCTAssertTrue(stream.consumers.contains("reduce1.conv_a") && stream.consumers.contains("reduce1.downsample"))
        // A cell of skips and zeros only: every stage is one stream, plus the 2 conv_a groups.
        let (plain, _) = try ChannelGraph.model(named: "nb201:|skip_connect~0|+|none~0|skip_connect~1|+|none~0|none~1|skip_connect~2|")
        XCTAssertEqual(plain.dependencyGroups().count, 5)
    }

    func testUnknownModelIsAOneLineError() {
        XCTAssertThrowsError(try ChannelGraph.model(named: "vgg16")) { error in
            XCTAssertTrue("\(error)".contains("unknown model 'vgg16'"))
        }
    }
}
