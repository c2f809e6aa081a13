/// A CNN as a declarative graph of the operations that fix channel counts: convolutions, their
/// elementwise followers (BN, ReLU, pooling: same channels as their input), residual adds and
/// channel concatenations, ending in a classifier. Widths are not stored per layer: each
/// convolution's output width is a variable, and ``dependencyGroups()`` finds which variables must
/// be equal (union-find), generically, in place of per-architecture group lists.
public struct ChannelGraph: Sendable {
    public typealias NodeID = Int

    public enum Node: Sendable, Equatable {
        /// The image: `channels` fixed (3 for CIFAR), not searchable.
        case input(channels: Int)
        case conv(name: String, input: NodeID, kernel: Int, stride: Int, bias: Bool)
        /// BN, ReLU, pooling, NB201's skip and zero ops: channels pass through (`stride` for pooling).
        case same(name: String, input: NodeID, parameters: ParameterKind, stride: Int)
        case add([NodeID])
        case concat([NodeID])
        /// The classifier (global pooling then a linear layer); excluded from the groups.
        case linear(name: String, input: NodeID, classes: Int)
    }

    public enum ParameterKind: Sendable, Equatable {
        case none
        /// Batch norm: a weight and a bias per channel.
        case batchNorm
    }

    public private(set) var nodes: [Node] = []

    public init() {}

    @discardableResult
    public mutating func add(_ node: Node) -> NodeID {
        nodes.append(node)
        return nodes.count - 1
    }

    /// The convolutions in graph order, with their node ids.
    public var convolutions: [(id: NodeID, name: String)] {
        nodes.enumerated().compactMap { id, node in
            if case .conv(let name, _, _, _, _) = node { return (id, name) }
            return nil
        }
    }
}

/// Channels that must stay equal: the outputs of the convolutions in `producers` (and so the
/// inputs of every convolution in `consumers`).
public struct DependencyGroup: Sendable, Equatable {
    public let producers: [String]
    public let consumers: [String]
}

extension ChannelGraph {
    /// The channel variables behind each node's output: one per convolution output, one for the
    /// input image; concatenations list their parts.
    private func channelVariables() -> (perNode: [[Int]], find: (Int) -> Int) {
        var parent: [Int] = []
        func newVariable() -> Int {
            parent.append(parent.count)
            return parent.count - 1
        }
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let (ra, rb) = (find(a), find(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var perNode: [[Int]] = []
        for node in nodes {
            switch node {
            case .input, .conv: perNode.append([newVariable()])
            case .same(_, let input, _, _), .linear(_, let input, _): perNode.append(perNode[input])
            case .concat(let parts): perNode.append(parts.flatMap { perNode[$0] })
            case .add(let inputs):
                let first = perNode[inputs[0]]
                for other in inputs.dropFirst() {
                    precondition(perNode[other].count == first.count, "add of tensors with different concatenation structure")
                    for (a, b) in zip(first, perNode[other]) { union(a, b) }
                }
                perNode.append(first)
            }
        }
        let snapshot = parent
        return (perNode, { x in
            var x = x
            while snapshot[x] != x { x = snapshot[x] }
            return x
        })
    }

    /// The dependency groups, in the order their first convolution appears. The classifier is not
    /// part of any group; a group tied to the input image (fixed channels) is not searchable and
    /// is left out.
    public func dependencyGroups() -> [DependencyGroup] {
        let (perNode, find) = channelVariables()
        let fixed = Set(nodes.enumerated().compactMap { id, node -> Int? in
            if case .input = node { return find(perNode[id][0]) }
            return nil
        })
        var order: [Int] = []
        var producers: [Int: [String]] = [:], consumers: [Int: [String]] = [:]
        for (id, node) in nodes.enumerated() {
            guard case .conv(let name, let input, _, _, _) = node else { continue }
            let root = find(perNode[id][0])
            if producers[root] == nil { order.append(root) }
            producers[root, default: []].append(name)
            for variable in perNode[input] { consumers[find(variable), default: []].append(name) }
        }
        return order.filter { !fixed.contains($0) }.map {
            DependencyGroup(producers: producers[$0] ?? [], consumers: consumers[$0] ?? [])
        }
    }

    /// Parameters (weights, biases, BN affine) and multiply-accumulates of the network with each
    /// group's width given in `widths` (the order of ``dependencyGroups()``), for `imageSize` inputs.
    public func cost(widths: [Int], imageSize: Int) -> (parameters: Int, macs: Int) {
        let (perNode, find) = channelVariables()
        let groups = dependencyGroups()
        var widthOfRoot: [Int: Int] = [:]
        for (id, node) in nodes.enumerated() {
            if case .input(let channels) = node { widthOfRoot[find(perNode[id][0])] = channels }
        }
        var groupIndex = 0
        for (id, node) in nodes.enumerated() {
            guard case .conv = node else { continue }
            let root = find(perNode[id][0])
            if widthOfRoot[root] == nil {
                widthOfRoot[root] = widths[groupIndex]
                groupIndex += 1
            }
        }
        precondition(groupIndex == groups.count, "one width per dependency group")
        func channels(_ id: NodeID) -> Int { perNode[id].reduce(0) { $0 + widthOfRoot[find($1)]! } }
        var size = [Int](repeating: imageSize, count: nodes.count)
        var parameters = 0, macs = 0
        for (id, node) in nodes.enumerated() {
            switch node {
            case .input: size[id] = imageSize
            case .conv(_, let input, let kernel, let stride, let bias):
                size[id] = (size[input] + stride - 1) / stride
                let weights = channels(id) * channels(input) * kernel * kernel
                parameters += weights + (bias ? channels(id) : 0)
                macs += weights * size[id] * size[id]
            case .same(_, let input, let kind, let stride):
                size[id] = (size[input] + stride - 1) / stride
                if kind == .batchNorm { parameters += 2 * channels(id) }
            case .add(let inputs), .concat(let inputs): size[id] = size[inputs[0]]
            case .linear(_, let input, let classes):
                parameters += channels(input) * classes + classes
                macs += channels(input) * classes
            }
        }
        return (parameters, macs)
    }
}
