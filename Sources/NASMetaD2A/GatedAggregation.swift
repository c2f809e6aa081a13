import NASTensor

/// D-VAE's message into a vertex (MetaD2A `_propagate_to` with `vid=True`): the gated sum over its
/// neighbours `u` (predecessors, or successors for the backward encoder) of
///
///     gate(x_u) * mapper(x_u),   x_u = concat[h_u, onehot(u, maxVertices)]
///
/// with `gate = Sigmoid(Linear(hidden + maxVertices -> hidden))` and
/// `mapper = Linear(hidden + maxVertices -> hidden, bias: false)`; a vertex without neighbours
/// gets the zero state. Not a `Module`: its owner names the two layers as PyTorch does
/// (`decoding_gate.0`, `decoding_mapper.0`, `gate_forward.0`, ...).
public struct GatedAggregation {
    /// `Linear(vs -> hs)` before the sigmoid.
    public let gate: Linear
    /// `Linear(vs -> hs)` without bias (padded zeros map to zeros).
    public let mapper: Linear

    /// PyTorch's default initialisation, gate then mapper.
    public init(hiddenSize: Int, maxVertices: Int, using rng: inout some RandomNumberGenerator) {
        gate = Linear(hiddenSize + maxVertices, hiddenSize, using: &rng)
        mapper = Linear(hiddenSize + maxVertices, hiddenSize, bias: false, using: &rng)
    }

    /// The vertex-id width `maxVertices`.
    var maxVertices: Int { gate.weight.shape[1] - gate.weight.shape[0] }

    /// The message into one vertex for each of `B` graphs: `states[u]` is `[B, hidden]` (`nil`
    /// for vertices not reached yet), `neighbours[b]` lists the vertices feeding it in graph `b`.
    /// All candidate rows go through the layers at once; each is masked by whether it is a
    /// neighbour in its graph, then the candidates are summed (`[B, hidden]`).
    func message(states: [Tensor?], neighbours: [[Int]]) -> Tensor {
        let batch = neighbours.count, hidden = gate.weight.shape[0], width = maxVertices
        let candidates = Array(Set(neighbours.joined())).sorted()
        guard !candidates.isEmpty else { return Tensor.zeros([batch, hidden]) }
        var ids = [Float](repeating: 0, count: candidates.count * batch * width)
        var mask = [Float](repeating: 0, count: candidates.count * batch)
        var rows: [Tensor] = []
        for (k, u) in candidates.enumerated() {
            guard let h = states[u] else { preconditionFailure("GatedAggregation: vertex \(u) has no state yet") }
            rows.append(h)
            for b in 0..<batch {
                ids[(k * batch + b) * width + u] = 1
                if neighbours[b].contains(u) { mask[k * batch + b] = 1 }
            }
        }
        let x = Tensor.cat([Tensor.cat(rows, axis: 0), Tensor(shape: [candidates.count * batch, width], data: ids)], axis: 1)
        let gated = gate(x).sigmoid() * mapper(x) * Tensor(shape: [candidates.count * batch, 1], data: mask)
        return gated.reshaped([candidates.count, batch, hidden]).sum(axes: [0])
    }
}
