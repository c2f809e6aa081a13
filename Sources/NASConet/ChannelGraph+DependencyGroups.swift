extension ChannelGraph {
    /// The channel variables behind each node's output: one per convolution output, one for the
    /// input image; concatenations list their parts.
    func channelVariables() -> (perNode: [[Int]], find: (Int) -> Int) {
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
            case .same(_, let input, _), .linear(_, let input, _): perNode.append(perNode[input])
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
}
