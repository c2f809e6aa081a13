import NASTensor

extension GraphGenerator {
    /// The training loss of decoding `mean`/`logVariance` (`[B, nz]`) to `graphs` (`GeneratorModel.loss`):
    /// `z = mean + (noiseScale * noise) * exp(logVariance / 2)` (`noise` `nil`: `z = mean`, the
    /// authors' eval mode), then ``reconstructionLoss(z:graphs:)`` plus `klWeight` times the KL
    /// divergence.
    ///
    /// - Precondition: one graph per row, each with `maxVertices` vertices (see ``reconstructionLoss(z:graphs:)``).
    public func loss(mean: Tensor, logVariance: Tensor, noise: Tensor?, graphs: [MetaD2AGraph]) -> GeneratorLoss {
        let z = noise.map { Tensor.reparameterized(mean: mean, logVariance: logVariance, noise: $0,
                                                   noiseScale: configuration.noiseScale) } ?? mean
        let reconstruction = reconstructionLoss(z: z, graphs: graphs)
        let kl = Tensor.gaussianKLDivergence(mean: mean, logVariance: logVariance)
        return GeneratorLoss(total: reconstruction + kl * configuration.klWeight, reconstruction: reconstruction, kl: kl)
    }

    /// ``loss(mean:logVariance:noise:graphs:)`` with standard-normal noise drawn from `rng`
    /// (one `nextNormal` per element, row-major): the authors' training mode.
    public func loss(mean: Tensor, logVariance: Tensor, graphs: [MetaD2AGraph],
                     using rng: inout some RandomNumberGenerator) -> GeneratorLoss {
        loss(mean: mean, logVariance: logVariance, noise: Tensor.randomNormal(mean.shape, using: &rng), graphs: graphs)
    }

    /// The negative log-likelihood of `graphs` under teacher forcing from `z` (`[B, nz]`), summed
    /// over the batch: for every vertex `v > 0`, the cross-entropy of its type from the previous
    /// vertex's state, and for every earlier vertex `u` (last first) the binary cross-entropy of
    /// the edge `u -> v` from the states of `u` and of `v` as built so far, adding the true edge
    /// after each decision. The edge term takes the logits (``Tensor/binaryCrossEntropyWithLogits(_:reduction:)``)
    /// where the authors apply `F.binary_cross_entropy` to sigmoid probabilities (equal until a
    /// probability rounds to 0 or 1, where theirs clamps each log at -100).
    ///
    /// - Precondition: one graph per row of `z`, each with `maxVertices` vertices (every NB201
    ///   cell's graph has 8; the authors pad shorter graphs, which NB201 never needs).
    public func reconstructionLoss(z: Tensor, graphs: [MetaD2AGraph]) -> Tensor {
        let n = configuration.maxVertices, batch = graphs.count
        precondition(z.shape == [batch, configuration.latentSize],
                     "GraphGenerator.reconstructionLoss: z must be [\(batch), \(configuration.latentSize)], got \(z.shape)")
        precondition(graphs.allSatisfy { $0.vertexCount == n },
                     "GraphGenerator.reconstructionLoss: every graph needs \(n) vertices, got \(graphs.map(\.vertexCount))")
        let h0 = fcInitial(z).tanh()
        var states: [Tensor?] = [vertexState(graphs.map { $0.types[0] }, h0)] + [Tensor?](repeating: nil, count: n - 1)
        var likelihood = Tensor(0)
        for v in 1..<n {
            let types = graphs.map { $0.types[v] }
            guard let previous = states[v - 1] else { preconditionFailure("unreachable: state \(v - 1) is set") }
            let scores = addVertex(previous).logSoftmax(axis: 1)
            likelihood = likelihood + (scores * Tensor.oneHot(types.map(\.rawValue), classes: MetaD2AVertexType.count)).sum()
            var h = vertexState(types, Tensor.zeros([batch, configuration.hiddenSize]))
            var added = [[Int]](repeating: [], count: batch)
            var logits: [Tensor] = []
            for u in (0..<v).reversed() {
                guard let hu = states[u] else { preconditionFailure("unreachable: state \(u) is set") }
                logits.append(addEdge(Tensor.cat([hu, h], axis: 1)))
                var changed = false
                for b in 0..<batch where graphs[b].hasEdge(from: u, to: v) { added[b].append(u); changed = true }
                if changed { h = vertexState(types, decoding.message(states: states, neighbours: added)) }
            }
            states[v] = h
            var targets = [Float](repeating: 0, count: batch * v)
            for b in 0..<batch { for u in graphs[b].predecessors[v] { targets[b * v + u] = 1 } }
            let edgeLogits = Tensor.cat(logits.reversed(), axis: 1)
            likelihood = likelihood - edgeLogits.binaryCrossEntropyWithLogits(Tensor(shape: [batch, v], data: targets), reduction: .sum)
        }
        return -likelihood
    }
}
