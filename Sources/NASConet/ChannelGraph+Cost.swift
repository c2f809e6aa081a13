import NASCore

extension ChannelGraph {
    /// Widths that do not fit the graph: one positive width per dependency group, and a positive
    /// image size.
    public struct WidthError: Error, CustomStringConvertible, Sendable, Equatable {
        public let why: String
        public var description: String { why.oneLine }
    }

    /// Each node's output channels with each group's width given in `widths` (the order of
    /// ``dependencyGroups()``): one positive width per group.
    public func channelCounts(widths: [Int]) throws -> [Int] {
        let (perNode, find) = channelVariables()
        let groupCount = dependencyGroups().count
        guard widths.count == groupCount else {
            throw WidthError(why: "\(widths.count) widths for a network of \(groupCount) dependency groups (one width per group)")
        }
        if let bad = widths.firstIndex(where: { $0 < 1 }) {
            throw WidthError(why: "width \(widths[bad]) for group \(bad): widths must be at least 1")
        }
        var widthOfRoot: [Int: Int] = [:]
        for (id, node) in nodes.enumerated() {
            if case .input(let channels) = node { widthOfRoot[find(perNode[id][0])] = channels }
        }
        var next = widths.makeIterator()
        for (id, node) in nodes.enumerated() {
            guard case .conv = node else { continue }
            let root = find(perNode[id][0])
            if widthOfRoot[root] == nil { widthOfRoot[root] = next.next() }
        }
        // Every variable now has a width: each root is the input's or one group's, in the order of
        // dependencyGroups(), whose count was checked above.
        return perNode.map { $0.reduce(0) { $0 + (widthOfRoot[find($1)] ?? 0) } }
    }

    /// Parameters (weights, biases, BN affine) and multiply-accumulates of the network with each
    /// group's width given in `widths` (the order of ``dependencyGroups()``), for `imageSize` x
    /// `imageSize` inputs. Convolutions are padded to keep the size (k/2) and round up under a
    /// stride; MACs count convolutions and the classifier, not BN, ReLU, pooling or adds.
    public func cost(widths: [Int], imageSize: Int) throws -> (parameters: Int, macs: Int) {
        let channels = try channelCounts(widths: widths)
        guard imageSize >= 1 else { throw WidthError(why: "image size \(imageSize): it must be at least 1") }
        var size = [Int](repeating: imageSize, count: nodes.count)
        var parameters = 0, macs = 0
        for (id, node) in nodes.enumerated() {
            switch node {
            case .input: size[id] = imageSize
            case .conv(_, let input, let kernel, let stride, let bias):
                size[id] = (size[input] + stride - 1) / stride
                let weights = channels[id] * channels[input] * kernel * kernel
                parameters += weights + (bias ? channels[id] : 0)
                macs += weights * size[id] * size[id]
            case .same(_, let input, let op):
                size[id] = (size[input] + op.stride - 1) / op.stride
                if op == .batchNorm { parameters += 2 * channels[id] }
            case .add(let inputs), .concat(let inputs): size[id] = size[inputs[0]]
            case .linear(_, let input, let classes):
                parameters += channels[input] * classes + classes
                macs += channels[input] * classes
            }
        }
        return (parameters, macs)
    }
}
