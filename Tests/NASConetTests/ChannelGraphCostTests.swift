import NASConet
import XCTest

/// Parameter and MAC counts of the channel graphs against formulas written out by hand for
/// CIFAR ResNets of basic blocks (3x3 convs without bias, BN with 2 parameters per channel, 1x1
/// conv + BN shortcuts where a stage starts with stride 2, a linear classifier with bias).
final class ChannelGraphCostTests: XCTestCase {
    /// A CIFAR ResNet by hand: `stream[s]` is stage s's residual width (stage 0's includes the
    /// stem), `inner[s][b]` the width between block b's two convs; 32x32 input, stages at 32, 16,
    /// 8, 4 pixels.
    static func byHand(stream: [Int], inner: [[Int]], classes: Int) -> (parameters: Int, macs: Int) {
        var parameters = 3 * stream[0] * 9 + 2 * stream[0]
        var macs = 3 * stream[0] * 9 * 32 * 32
        for (s, w) in stream.enumerated() {
            let p = s == 0 ? stream[0] : stream[s - 1]
            let pixels = (32 >> s) * (32 >> s)
            for (b, m) in inner[s].enumerated() {
                let c = b == 0 ? p : w
                parameters += c * m * 9 + 2 * m + m * w * 9 + 2 * w
                macs += (c * m * 9 + m * w * 9) * pixels
            }
            if s > 0 {
                parameters += p * w + 2 * w
                macs += p * w * pixels
            }
        }
        parameters += stream[stream.count - 1] * classes + classes
        macs += stream[stream.count - 1] * classes
        return (parameters, macs)
    }

    func testResNet20AtStandardWidths() throws {
        let (graph, widths) = try ChannelGraph.model(named: "resnet20")
        let cost = try graph.cost(widths: widths, imageSize: 32)
        let hand = Self.byHand(stream: [16, 32, 64], inner: [[16, 16, 16], [32, 32, 32], [64, 64, 64]], classes: 10)
        XCTAssertEqual(cost.parameters, hand.parameters)
        XCTAssertEqual(cost.macs, hand.macs)
        // With He et al.'s parameter-free (padding) shortcuts the count is 269,722 parameters (the
        // paper's 0.27M) and 40,551,040 MACs; the two 1x1 conv + BN shortcuts add 16*32 + 64 +
        // 32*64 + 128 = 2,752 parameters and 16*32*16*16 + 32*64*8*8 = 262,144 MACs.
        XCTAssertEqual(cost.parameters, 269_722 + 2_752)
        XCTAssertEqual(cost.macs, 40_551_040 + 262_144)
    }

    func testResNet32AtStandardWidths() throws {
        let (graph, widths) = try ChannelGraph.model(named: "resnet32")
        // 3 residual streams + 15 blocks' [conv1.out, conv2.in].
        XCTAssertEqual(graph.dependencyGroups().count, 18)
        let cost = try graph.cost(widths: widths, imageSize: 32)
        let hand = Self.byHand(stream: [16, 32, 64], inner: [16, 32, 64].map { [Int](repeating: $0, count: 5) }, classes: 10)
        XCTAssertEqual(cost.parameters, hand.parameters)
        XCTAssertEqual(cost.macs, hand.macs)
        // With padding shortcuts 464,154 (He et al.'s 0.46M); the 1x1 shortcuts add 2,752 as above.
        XCTAssertEqual(cost.parameters, 464_154 + 2_752)
    }

    func testResNet34AtStandardWidthsExactly() throws {
        let (graph, widths) = try ChannelGraph.model(named: "resnet34")
        let cost = try graph.cost(widths: widths, imageSize: 32)
        let hand = Self.byHand(
            stream: [64, 128, 256, 512], inner: zip([3, 4, 6, 3], [64, 128, 256, 512]).map { [Int](repeating: $1, count: $0) },
            classes: 100)
        XCTAssertEqual(cost.parameters, hand.parameters)
        XCTAssertEqual(cost.macs, hand.macs)
        // Stage by stage: stem 1,728 + 128; stage 1 221,184 + 768; stage 2 73,728 + 7*147,456 +
        // 2,048 + 8,192 + 256; stage 3 294,912 + 11*589,824 + 6,144 + 32,768 + 512; stage 4
        // 1,179,648 + 5*2,359,296 + 6,144 + 131,072 + 1,024; classifier 51,300.
        XCTAssertEqual(cost.parameters, 1_856 + 221_952 + 1_116_416 + 6_822_400 + 13_114_368 + 51_300)
        XCTAssertEqual(cost.parameters, 21_328_292)
    }

    /// Widths differ per group: each group's width must reach exactly the convs of that group.
    func testResNet20AtDistinctWidthsPerGroup() throws {
        let (graph, _) = try ChannelGraph.model(named: "resnet20")
        let groups = graph.dependencyGroups()
        let widths = (0..<groups.count).map { 10 + 2 * $0 }
        func width(producedBy conv: String) throws -> Int {
            try widths[XCTUnwrap(groups.firstIndex { $0.producers.contains(conv) }, conv)]
        }
        let stream = try ["conv1", "layer2.0.conv2", "layer3.0.conv2"].map(width(producedBy:))
        let inner = try (1...3).map { s in try (0..<3).map { b in try width(producedBy: "layer\(s).\(b).conv1") } }
        XCTAssertEqual(Set(stream + inner.flatMap { $0 }).count, 12, "every group has its own width")
        let cost = try graph.cost(widths: widths, imageSize: 32)
        let hand = Self.byHand(stream: stream, inner: inner, classes: 10)
        XCTAssertEqual(cost.parameters, hand.parameters)
        XCTAssertEqual(cost.macs, hand.macs)
    }

    func testWidthsThatDoNotFitAreOneLineErrors() throws {
        let (graph, widths) = try ChannelGraph.model(named: "resnet20")
        XCTAssertThrowsError(try graph.cost(widths: Array(widths.dropLast()), imageSize: 32)) { error in
            XCTAssertEqual("\(error)", "11 widths for a network of 12 dependency groups (one width per group)")
        }
        XCTAssertThrowsError(try graph.cost(widths: widths.map { $0 - 16 }, imageSize: 32)) { error in
            XCTAssertEqual("\(error)", "width 0 for group 0: widths must be at least 1")
        }
        XCTAssertThrowsError(try graph.cost(widths: widths, imageSize: 0))
    }
}
