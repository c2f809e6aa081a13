import NASTensor

/// MetaD2A's meta-performance predictor (predictor/predictor_model.py `PredictorModel`, input
/// type `'DG'`): the accuracy of a graph on a dataset from both embeddings,
///
///     D = DatasetEncoder(task)                                  [B, nz]   (no fc: set_encode returns it)
///     G = fc1(hg_unify(concat[forward state of the last vertex,
///                             backward state of vertex 0]))     [B, nz]
///     prediction = pred_fc(concat[D, G])   (Linear(2 nz -> hs), Tanh, Linear(hs -> 1))
///
/// The graph encoder is D-VAE's bidirectional one: a GRU (`grue_forward`, one-hot type in, `hs`
/// state) over the vertices in order, each fed the gated sum of its predecessors' states
/// (`gate_forward`, `mapper_forward`), and a second (`grue_backward`, `gate_backward`,
/// `mapper_backward`) in reverse order over successors. The loss is the summed squared error
/// (`nn.MSELoss(reduction='sum')`) against labels scaled by ``AccuracyScaling``. The authors'
/// unused `fc2`, `hv_unify` and `set_fc` are left out (load their checkpoints with `strict: false`).
public final class MetaPredictor: Module {
    /// The sizes.
    public let configuration: MetaPredictorConfiguration
    /// `intra_setpool`, `inter_setpool`.
    public let datasetEncoder: DatasetEncoder
    /// `grue_forward`, `grue_backward`: one-hot type in, `hs` state.
    public let gruForward: GRUCell, gruBackward: GRUCell
    /// `gate_forward`/`mapper_forward` and `gate_backward`/`mapper_backward`.
    public let forwardAggregation: GatedAggregation, backwardAggregation: GatedAggregation
    /// `hg_unify`: `2 hs -> hs`.
    public let graphUnify: Linear
    /// `fc1`: graph state to its embedding, `hs -> nz`.
    public let graphEmbedding: Linear
    /// `pred_fc`: `2 nz -> hs -> Tanh -> 1`.
    public let head: TwoLayerPerceptron

    /// PyTorch's default initialisation, drawn in the authors' registration order.
    public init(configuration: MetaPredictorConfiguration = MetaPredictorConfiguration(),
                using rng: inout some RandomNumberGenerator) {
        let c = configuration, hs = c.hiddenSize, nz = c.embeddingSize, nvt = MetaD2AVertexType.count
        precondition(hs > 0 && nz > 0 && c.maxVertices >= 2 && c.featureSize > 0,
                     "MetaPredictor: sizes must be positive and maxVertices at least 2, got \(c)")
        self.configuration = c
        gruForward = GRUCell(inputSize: nvt, hiddenSize: hs, using: &rng)
        gruBackward = GRUCell(inputSize: nvt, hiddenSize: hs, using: &rng)
        graphEmbedding = Linear(hs, nz, using: &rng)
        forwardAggregation = GatedAggregation(hiddenSize: hs, maxVertices: c.maxVertices, using: &rng)
        backwardAggregation = GatedAggregation(hiddenSize: hs, maxVertices: c.maxVertices, using: &rng)
        graphUnify = Linear(2 * hs, hs, using: &rng)
        datasetEncoder = DatasetEncoder(featureSize: c.featureSize, embeddingSize: nz, numHeads: c.numHeads, using: &rng)
        head = TwoLayerPerceptron(2 * nz, hs, 1, activation: .tanh, using: &rng)
    }

    /// One task's dataset embedding, `[1, nz]`.
    public func callAsFunction(_ task: Tensor) -> Tensor { datasetEncoder(task) }

    /// The graphs' embeddings (`graph_encode`'s `mu`), `[B, nz]`.
    ///
    /// - Precondition: every graph has `maxVertices` vertices (all NB201 cells' graphs have 8).
    public func encodeGraphs(_ graphs: [MetaD2AGraph]) -> Tensor {
        let n = configuration.maxVertices, batch = graphs.count, hs = configuration.hiddenSize
        precondition(batch > 0 && graphs.allSatisfy { $0.vertexCount == n },
                     "MetaPredictor.encodeGraphs: needs graphs of \(n) vertices, got \(graphs.map(\.vertexCount))")
        func types(_ v: Int) -> Tensor {
            Tensor.oneHot(graphs.map { $0.types[v].rawValue }, classes: MetaD2AVertexType.count)
        }
        var forward = [Tensor?](repeating: nil, count: n)
        forward[0] = gruForward(types(0), Tensor.zeros([batch, hs]))
        for v in 1..<n {
            forward[v] = gruForward(types(v), forwardAggregation.message(states: forward, neighbours: graphs.map { $0.predecessors[v] }))
        }
        let successors = graphs.map(\.successors)
        var backward = [Tensor?](repeating: nil, count: n)
        backward[n - 1] = gruBackward(types(n - 1), Tensor.zeros([batch, hs]))
        for v in (0..<(n - 1)).reversed() {
            backward[v] = gruBackward(types(v), backwardAggregation.message(states: backward, neighbours: successors.map { $0[v] }))
        }
        guard let last = forward[n - 1], let first = backward[0] else { preconditionFailure("unreachable: states are set") }
        return graphEmbedding(graphUnify(Tensor.cat([last, first], axis: 1)))
    }

    /// The predicted (scaled) accuracy of each graph on its task, `[B, 1]` (`Predictor.forward`).
    ///
    /// - Precondition: one task per graph.
    public func predict(tasks: [Tensor], graphs: [MetaD2AGraph]) -> Tensor {
        precondition(tasks.count == graphs.count, "MetaPredictor.predict: \(tasks.count) tasks for \(graphs.count) graphs")
        return head(Tensor.cat([datasetEncoder.encode(tasks), encodeGraphs(graphs)], axis: 1))
    }

    /// The summed squared error of the predictions against `targets` (scaled accuracies, one per graph).
    public func loss(tasks: [Tensor], graphs: [MetaD2AGraph], targets: [Float]) -> Tensor {
        precondition(targets.count == graphs.count, "MetaPredictor.loss: \(targets.count) targets for \(graphs.count) graphs")
        return (predict(tasks: tasks, graphs: graphs) - Tensor(shape: [targets.count, 1], data: targets)).square().sum()
    }

    /// Names as in the authors' `state_dict`.
    public func namedParameters() -> [(String, Tensor)] {
        prefixedNames("grue_forward", gruForward.namedParameters()) + prefixedNames("grue_backward", gruBackward.namedParameters())
            + prefixedNames("fc1", graphEmbedding.namedParameters())
            + prefixedNames("gate_forward.0", forwardAggregation.gate.namedParameters())
            + prefixedNames("gate_backward.0", backwardAggregation.gate.namedParameters())
            + prefixedNames("mapper_forward.0", forwardAggregation.mapper.namedParameters())
            + prefixedNames("mapper_backward.0", backwardAggregation.mapper.namedParameters())
            + prefixedNames("hg_unify.0", graphUnify.namedParameters())
            + datasetEncoder.namedParameters() + prefixedNames("pred_fc", head.namedParameters())
    }

    public func setTraining(_ training: Bool) {}
}
