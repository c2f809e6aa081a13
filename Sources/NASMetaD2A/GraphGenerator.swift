import NASTensor

/// MetaD2A's generator (generator/model.py `GeneratorModel`, after D-VAE, Zhang et al. 2019): a
/// dataset's ``DatasetEncoder`` embedding gives the mean and log-variance of a latent `z`
/// (`fc1`, `fc2`), and a graph decoder turns `z` into a graph one vertex at a time:
///
///     h0 = tanh(fc3(z)); state(start) = grud(onehot(start), h0)
///     for each new vertex v: type scores = add_vertex(state of the last vertex)
///         state(v) = grud(onehot(type), 0)
///         for each earlier vertex u, last first:
///             edge probability = sigmoid(add_edge(concat[state(u), state(v)]))
///             state(v) = grud(onehot(type), gated sum over v's predecessors so far)  (``GatedAggregation``)
///
/// Training (``loss(mean:logVariance:noise:graphs:)``) is teacher-forced; generation
/// (``decode(_:sampling:using:)``) samples or takes the most likely choice. Only the parts the
/// authors' forward passes use are built: their graph encoder (`grue_*`, `enc_g_*`, `gate_*`,
/// `mapper_*`, `hv_unify`, `hg_unify`) and `set_fc` are declared but never called in
/// `GeneratorModel`, so they are left out (load their checkpoints with `strict: false`).
public final class GraphGenerator: Module {
    /// The sizes and loss constants.
    public let configuration: GeneratorConfiguration
    /// Intra- then inter-class pooling (`intra_setpool`, `inter_setpool`).
    public let datasetEncoder: DatasetEncoder
    /// `fc1`: embedding to the latent mean; `fc2`: to the latent log-variance (`nz -> nz`).
    public let fcMean: Linear, fcLogVariance: Linear
    /// `grud`: the decoder GRU, one-hot vertex type in, `hs` state.
    public let grud: GRUCell
    /// `fc3`: latent to the initial state, `nz -> hs`.
    public let fcInitial: Linear
    /// `add_vertex`: `hs -> 2 hs -> ReLU -> nvt` type scores.
    public let addVertex: TwoLayerPerceptron
    /// `add_edge`: `2 hs -> 4 hs -> ReLU -> 1` edge logit.
    public let addEdge: TwoLayerPerceptron
    /// `decoding_gate` and `decoding_mapper`.
    public let decoding: GatedAggregation

    /// PyTorch's default initialisation of every layer, drawn in the order the authors register
    /// them (fc1, fc2, grud, fc3, add_vertex, add_edge, decoding_gate, decoding_mapper, the set pools).
    public init(configuration: GeneratorConfiguration = GeneratorConfiguration(), using rng: inout some RandomNumberGenerator) {
        let c = configuration, hs = c.hiddenSize, nz = c.latentSize, nvt = MetaD2AVertexType.count
        precondition(hs > 0 && nz > 0 && c.maxVertices >= 2 && c.featureSize > 0,
                     "GraphGenerator: sizes must be positive and maxVertices at least 2, got \(c)")
        self.configuration = c
        fcMean = Linear(nz, nz, using: &rng)
        fcLogVariance = Linear(nz, nz, using: &rng)
        grud = GRUCell(inputSize: nvt, hiddenSize: hs, using: &rng)
        fcInitial = Linear(nz, hs, using: &rng)
        addVertex = TwoLayerPerceptron(hs, 2 * hs, nvt, activation: .relu, using: &rng)
        addEdge = TwoLayerPerceptron(2 * hs, 4 * hs, 1, activation: .relu, using: &rng)
        decoding = GatedAggregation(hiddenSize: hs, maxVertices: c.maxVertices, using: &rng)
        datasetEncoder = DatasetEncoder(featureSize: c.featureSize, embeddingSize: nz, numHeads: c.numHeads, using: &rng)
    }

    /// The latent mean and log-variance of each task (`set_encode`): `[B, nz]` each.
    public func encode(_ tasks: [Tensor]) -> (mean: Tensor, logVariance: Tensor) {
        let v = datasetEncoder.encode(tasks)
        return (fcMean(v), fcLogVariance(v))
    }

    /// One task's latent mean, `[1, nz]` (what generation decodes: the authors' `z = mu` in eval mode).
    public func callAsFunction(_ task: Tensor) -> Tensor { encode([task]).mean }

    /// Names as in the authors' `state_dict`.
    public func namedParameters() -> [(String, Tensor)] {
        prefixedNames("fc1", fcMean.namedParameters()) + prefixedNames("fc2", fcLogVariance.namedParameters())
            + prefixedNames("grud", grud.namedParameters()) + prefixedNames("fc3", fcInitial.namedParameters())
            + prefixedNames("add_vertex", addVertex.namedParameters()) + prefixedNames("add_edge", addEdge.namedParameters())
            + prefixedNames("decoding_gate.0", decoding.gate.namedParameters())
            + prefixedNames("decoding_mapper.0", decoding.mapper.namedParameters())
            + datasetEncoder.namedParameters()
    }

    public func setTraining(_ training: Bool) {}

    /// `grud(onehot(types), message)` for a batch: the state of a vertex of the given types.
    func vertexState(_ types: [MetaD2AVertexType], _ message: Tensor) -> Tensor {
        grud(Tensor.oneHot(types.map(\.rawValue), classes: MetaD2AVertexType.count), message)
    }
}
