import NASTensor

extension GraphGenerator {
    /// Decodes each row of `z` (`[B, nz]`) into a graph, as `GeneratorModel.graph_decode`: from
    /// `h0 = tanh(fc3(z))`, add vertices until `maxVertices` (the last is forced to `end`) or until
    /// an `end` is chosen; each vertex's type is drawn from `softmax(add_vertex(...))`
    /// (``Tensor/sampleCategorical(using:)``) or, with `sampling` false, the most likely one; each
    /// edge from an earlier vertex (last first) is drawn with its probability
    /// (``Tensor/sampleBernoulli(using:)``) or kept when above 0.5. An `end` vertex takes every
    /// earlier vertex without an output as its input. No gradient is recorded; `rng` is used only
    /// when `sampling`. Generation decodes `z = mean` (the authors' eval mode).
    ///
    /// The graphs may not be NB201 cells: ``MetaD2AGraph/nb201Cell()`` says why.
    ///
    /// - Throws: ``SamplingError`` when the scores are not finite (diverged weights).
    public func decode(_ z: Tensor, sampling: Bool, using rng: inout some RandomNumberGenerator) throws -> [MetaD2AGraph] {
        precondition(z.rank == 2 && z.shape[1] == configuration.latentSize,
                     "GraphGenerator.decode: z must be [B, \(configuration.latentSize)], got \(z.shape)")
        return try GradMode.withNoGrad {
            try (0..<z.shape[0]).map { try decodeOne(z.sliced(axis: 0, $0..<($0 + 1)), sampling: sampling, using: &rng) }
        }
    }

    /// ``decode(_:sampling:using:)`` taking the most likely choice everywhere (no randomness).
    public func decodeArgmax(_ z: Tensor) -> [MetaD2AGraph] {
        var unused = SplitMix64(seed: 0)
        // Argmax decoding draws nothing, and its scores need no validation, so it cannot throw.
        return (try? decode(z, sampling: false, using: &unused)) ?? []
    }

    /// One graph from one latent row `[1, nz]`.
    private func decodeOne(_ z: Tensor, sampling: Bool, using rng: inout some RandomNumberGenerator) throws -> MetaD2AGraph {
        let n = configuration.maxVertices
        var types: [MetaD2AVertexType] = [.start], predecessors: [[Int]] = [[]]
        var states: [Tensor?] = [vertexState([.start], fcInitial(z).tanh())]
        for v in 1..<n {
            let type: MetaD2AVertexType
            if v == n - 1 {
                type = .end
            } else {
                guard let previous = states[v - 1] else { preconditionFailure("unreachable: state \(v - 1) is set") }
                let scores = addVertex(previous)
                let pick = sampling ? try scores.softmax(axis: 1).sampleCategorical(using: &rng)[0] : scores.argmax(axis: 1)[0]
                type = MetaD2AVertexType.allCases[pick]
            }
            types.append(type)
            if type == .end {
                var hasOutput = [Bool](repeating: false, count: v)
                for list in predecessors { for p in list { hasOutput[p] = true } }
                predecessors.append((0..<v).filter { !hasOutput[$0] })
                break
            }
            var added: [Int] = []
            var h = vertexState([type], Tensor.zeros([1, configuration.hiddenSize]))
            for u in (0..<v).reversed() {
                guard let hu = states[u] else { preconditionFailure("unreachable: state \(u) is set") }
                let logit = addEdge(Tensor.cat([hu, h], axis: 1))
                let keep = sampling ? try logit.sigmoid().sampleBernoulli(using: &rng)[0] : logit.sigmoid().isGreater(than: 0.5)[0]
                if keep {
                    added.insert(u, at: 0)
                    h = vertexState([type], decoding.message(states: states, neighbours: [added]))
                }
            }
            predecessors.append(added)
            states.append(h)
        }
        return MetaD2AGraph(types: types, predecessors: predecessors)
    }
}
