import NASCore
import NASTensor

/// The network a ``ChannelGraph`` describes, at one width per dependency group, on the engine:
/// convolutions padded to keep the size (k/2, no bias unless the graph says so), batch norms,
/// ReLUs, pooling, adds and concatenations in graph order, then global average pooling and the
/// linear classifier. Weights start at PyTorch's defaults (the authors' networks set none):
/// Kaiming-uniform convolutions and classifier, BN weight 1 and bias 0.
///
/// Parameters are named after their graph node (`layer1.0.conv1.weight`, `fc.bias`), the names
/// a PyTorch state dict of the same network would use.
public final class ConetNetwork: Module {
    public let graph: ChannelGraph
    /// One width per dependency group, in ``ChannelGraph/dependencyGroups()`` order.
    public let widths: [Int]
    /// Each graph node's output channels.
    public let channels: [Int]
    private var convs: [Int: Conv2d] = [:]
    private var norms: [Int: BatchNorm2d] = [:]
    private var classifier: (node: Int, layer: Linear)?
    /// ReLU nodes whose input is a batch norm read by nothing else: that batch norm applies the
    /// ReLU itself (`BatchNorm2d(fusedReLU:)`, the same values in one pass) and the node passes it on.
    private(set) var fusedReLUs: Set<Int> = []

    /// - Throws: ``ChannelGraph/WidthError`` when `widths` does not fit the graph's groups.
    public init(graph: ChannelGraph, widths: [Int], using rng: inout some RandomNumberGenerator) throws {
        self.graph = graph
        self.widths = widths
        channels = try graph.channelCounts(widths: widths)
        var readers = [[Int]](repeating: [], count: graph.nodes.count)
        for (id, node) in graph.nodes.enumerated() {
            switch node {
            case .input: break
            case .conv(_, let input, _, _, _), .same(_, let input, _), .linear(_, let input, _): readers[input].append(id)
            case .add(let inputs), .concat(let inputs): for input in inputs { readers[input].append(id) }
            }
        }
        for (id, node) in graph.nodes.enumerated() {
            if case .same(_, let input, .relu) = node, readers[input] == [id], case .same(_, _, .batchNorm) = graph.nodes[input] {
                fusedReLUs.insert(id)
            }
        }
        let fusedNorms = Set(fusedReLUs.compactMap { id -> Int? in
            if case .same(_, let input, _) = graph.nodes[id] { return input } else { return nil }
        })
        for (id, node) in graph.nodes.enumerated() {
            switch node {
            case .conv(_, let input, let kernel, let stride, let bias):
                convs[id] = Conv2d(channels[input], channels[id], kernelSize: kernel, stride: stride, padding: kernel / 2,
                                   bias: bias, using: &rng)
            case .same(_, _, .batchNorm):
                norms[id] = BatchNorm2d(channels[id], fusedReLU: fusedNorms.contains(id))
            case .linear(_, let input, let classes):
                classifier = (id, Linear(channels[input], classes, using: &rng))
            default: break
            }
        }
    }

    /// Logits `[N, classes]` of images `[N, C, H, W]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        var values: [Tensor?] = Array(repeating: nil, count: graph.nodes.count)
        var output = x
        for (id, node) in graph.nodes.enumerated() {
            let value: Tensor
            switch node {
            case .input: value = x
            case .conv(_, let input, _, _, _): value = convs[id]!(values[input]!)
            case .same(_, let input, let op):
                let v = values[input]!
                switch op {
                case .batchNorm: value = norms[id]!(v)
                case .relu: value = fusedReLUs.contains(id) ? v : v.relu()
                case .identity: value = v
                case .zero: value = v * 0
                case .avgPool(let kernel, let stride, let padding, true): value = v.avgPool2d(kernel: kernel, stride: stride, padding: padding)
                case .avgPool(let kernel, let stride, let padding, false):
                    value = v.avgPool2dExcludingPadding(kernel: kernel, stride: stride, padding: padding)
                }
            case .add(let inputs): value = inputs.dropFirst().reduce(values[inputs[0]]!) { $0 + values[$1]! }
            case .concat(let inputs): value = Tensor.cat(inputs.map { values[$0]! }, axis: 1)
            case .linear(_, let input, _): value = classifier!.layer(values[input]!.globalAvgPool2d())
            }
            values[id] = value
            output = value
        }
        return output
    }

    /// The convolutions in graph order: name and layer.
    public var convolutions: [(name: String, layer: Conv2d)] {
        graph.convolutions.map { ($0.name, convs[$0.id]!) }
    }

    public func namedParameters() -> [(String, Tensor)] {
        var out: [(String, Tensor)] = []
        for (id, node) in graph.nodes.enumerated() {
            switch node {
            case .conv(let name, _, _, _, _): out += prefixedNames(name, convs[id]!.namedParameters())
            case .same(let name, _, .batchNorm): out += prefixedNames(name, norms[id]!.namedParameters())
            case .linear(let name, _, _): out += prefixedNames(name, classifier!.layer.namedParameters())
            default: break
            }
        }
        return out
    }

    public func namedBuffers() -> [(String, Tensor)] {
        graph.nodes.enumerated().flatMap { id, node -> [(String, Tensor)] in
            if case .same(let name, _, .batchNorm) = node { return prefixedNames(name, norms[id]!.namedBuffers()) }
            return []
        }
    }

    public func setTraining(_ training: Bool) {
        for norm in norms.values { norm.setTraining(training) }
    }
}
