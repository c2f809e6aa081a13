import NASCore
import NASSpaces

/// The networks CONetV2's study uses, as channel graphs: CIFAR ResNets of basic blocks (3x3 stem,
/// stages of two-3x3-conv blocks, a 1x1 conv + BN shortcut where the shape changes) and the NB201
/// network of a cell.
extension ChannelGraph {
    public enum ModelError: Error, CustomStringConvertible, Sendable {
        case unknown(String)
        public var description: String {
            switch self {
            case .unknown(let name):
                "unknown model '\(name)': expected resnet20, resnet32, resnet34 or nb201[:CELL] (an NB201 cell string)".oneLine
            }
        }
    }

    /// The standard widths of `name`'s groups (in ``dependencyGroups()`` order) and the graph.
    public static func model(named name: String) throws -> (graph: ChannelGraph, widths: [Int]) {
        switch name {
        case "resnet20": return cifarResNet(blocks: [3, 3, 3], widths: [16, 32, 64], classes: 10)
        case "resnet32": return cifarResNet(blocks: [5, 5, 5], widths: [16, 32, 64], classes: 10)
        case "resnet34": return cifarResNet(blocks: [3, 4, 6, 3], widths: [64, 128, 256, 512], classes: 100)
        case "nb201":
            return try nb201(cell: NB201Space().parse(
                "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"))
        default:
            if name.hasPrefix("nb201:") { return try nb201(cell: NB201Space().parse(String(name.dropFirst(6)))) }
            throw ModelError.unknown(name)
        }
    }

    /// A CIFAR ResNet of basic blocks: stem conv3x3 + BN + ReLU, then per stage `blocks[s]` blocks
    /// (conv3x3-BN-ReLU-conv3x3-BN plus the shortcut, added, ReLU), the first of each stage after
    /// the first with stride 2; global pooling and a linear classifier.
    public static func cifarResNet(blocks: [Int], widths: [Int], classes: Int) -> (graph: ChannelGraph, widths: [Int]) {
        var g = ChannelGraph()
        var x = g.add(.input(channels: 3))
        x = g.add(.conv(name: "conv1", input: x, kernel: 3, stride: 1, bias: false))
        x = g.add(.same(name: "bn1", input: x, op: .batchNorm))
        x = g.add(.same(name: "relu", input: x, op: .relu))
        var groupWidths = [widths[0]]
        for (stage, count) in blocks.enumerated() {
            for block in 0..<count {
                let stride = stage > 0 && block == 0 ? 2 : 1
                let prefix = "layer\(stage + 1).\(block)"
                var y = g.add(.conv(name: "\(prefix).conv1", input: x, kernel: 3, stride: stride, bias: false))
                y = g.add(.same(name: "\(prefix).bn1", input: y, op: .batchNorm))
                y = g.add(.same(name: "\(prefix).relu", input: y, op: .relu))
                groupWidths.append(widths[stage])
                y = g.add(.conv(name: "\(prefix).conv2", input: y, kernel: 3, stride: 1, bias: false))
                groupWidths.append(widths[stage])
                y = g.add(.same(name: "\(prefix).bn2", input: y, op: .batchNorm))
                var shortcut = x
                if block == 0 && stage > 0 {
                    shortcut = g.add(.conv(name: "\(prefix).shortcut.conv", input: x, kernel: 1, stride: stride, bias: false))
                    shortcut = g.add(.same(name: "\(prefix).shortcut.bn", input: shortcut, op: .batchNorm))
                    groupWidths.append(widths[stage])
                }
                x = g.add(.add([y, shortcut]))
                x = g.add(.same(name: "\(prefix).relu2", input: x, op: .relu))
            }
        }
        g.add(.linear(name: "fc", input: x, classes: classes))
        return (g, Self.groupWidths(g, producerWidths: groupWidths))
    }

    /// The NB201 network of `cell` (C = 16, N = 5 cells per stage, 10 classes): stem conv3x3 + BN,
    /// cells whose nodes sum ReLU-conv-BN, skip, 3x3 average pooling and zero edges, two residual
    /// reduction blocks (ReLU-conv3x3-BN with stride 2, ReLU-conv3x3-BN, and a 2x2 avg-pool + 1x1
    /// conv shortcut), then BN, ReLU, global pooling and the classifier.
    public static func nb201(cell: NB201Cell, channels: Int = 16, cellsPerStage: Int = 5) -> (graph: ChannelGraph, widths: [Int]) {
        var g = ChannelGraph()
        var x = g.add(.input(channels: 3))
        x = g.add(.conv(name: "stem.conv", input: x, kernel: 3, stride: 1, bias: false))
        x = g.add(.same(name: "stem.bn", input: x, op: .batchNorm))
        var producerWidths = [channels]
        var width = channels
        for stage in 0..<3 {
            if stage > 0 {
                let prefix = "reduce\(stage)"
                width *= 2
                var a = g.add(.same(name: "\(prefix).relu_a", input: x, op: .relu))
                a = g.add(.conv(name: "\(prefix).conv_a", input: a, kernel: 3, stride: 2, bias: false))
                a = g.add(.same(name: "\(prefix).bn_a", input: a, op: .batchNorm))
                var b = g.add(.same(name: "\(prefix).relu_b", input: a, op: .relu))
                b = g.add(.conv(name: "\(prefix).conv_b", input: b, kernel: 3, stride: 1, bias: false))
                b = g.add(.same(name: "\(prefix).bn_b", input: b, op: .batchNorm))
                var d = g.add(.same(name: "\(prefix).pool", input: x, op: .avgPool(kernel: 2, stride: 2, padding: 0, includePadding: true)))
                d = g.add(.conv(name: "\(prefix).downsample", input: d, kernel: 1, stride: 1, bias: false))
                producerWidths += [width, width, width]
                x = g.add(.add([b, d]))
            }
            for c in 0..<cellsPerStage {
                var nodes = [x]
                for target in 1...3 {
                    var terms: [NodeID] = []
                    for source in 0..<target {
                        let op = cell.ops[NB201Edge.firstIndex(feeding: target) + source]
                        let name = "stage\(stage).cell\(c).edge\(source)\(target)"
                        switch op {
                        case .norConv1x1, .norConv3x3:
                            var y = g.add(.same(name: "\(name).relu", input: nodes[source], op: .relu))
                            y = g.add(.conv(name: "\(name).conv", input: y, kernel: op == .norConv1x1 ? 1 : 3,
                                            stride: 1, bias: false))
                            y = g.add(.same(name: "\(name).bn", input: y, op: .batchNorm))
                            producerWidths.append(width)
                            terms.append(y)
                        case .skipConnect:
                            terms.append(g.add(.same(name: "\(name).skip", input: nodes[source], op: .identity)))
                        case .avgPool3x3:
                            terms.append(g.add(.same(name: "\(name).pool", input: nodes[source],
                                                     op: .avgPool(kernel: 3, stride: 1, padding: 1, includePadding: false))))
                        case NB201Op.none:
                            terms.append(g.add(.same(name: "\(name).zero", input: nodes[source], op: .zero)))
                        }
                    }
                    nodes.append(terms.count == 1 ? terms[0] : g.add(.add(terms)))
                }
                x = nodes[3]
            }
        }
        x = g.add(.same(name: "lastact.bn", input: x, op: .batchNorm))
        x = g.add(.same(name: "lastact.relu", input: x, op: .relu))
        g.add(.linear(name: "classifier", input: x, classes: 10))
        return (g, Self.groupWidths(g, producerWidths: producerWidths))
    }

    /// Each group's width from the widths its convolutions were declared with (in conv order).
    private static func groupWidths(_ g: ChannelGraph, producerWidths: [Int]) -> [Int] {
        let widthOfConv = Dictionary(uniqueKeysWithValues: zip(g.convolutions.map(\.name), producerWidths))
        return g.dependencyGroups().map { group in group.producers.first.flatMap { widthOfConv[$0] } ?? 0 }
    }
}
