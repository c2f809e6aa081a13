import NASTensor

/// The Neural Predictor's graph convolutional network (Wen et al., ECCV 2020) as NASLib configures
/// it (`naslib/predictors/gcn.py`; see ``GCNConfiguration``), on ``Encoding/graph`` rows decoded
/// with ``CellGraph/init(flattened:nodeCount:opClassCount:)``.
///
/// Each layer is NASLib's `DirectedGraphConvolution`: with `Â` the row-normalised `A + I`,
/// `h' = dropout((relu(Â h W₁) + relu(norm(Âᵀ) h W₂)) / 2)`, messages along and against the
/// arcs. Node features start as the op one-hot; the graph is the mean over its nodes, then a
/// fully connected layer (no activation, as in NASLib; dropout) and a linear output, both
/// without bias. Labels are
/// standardised with ``LabelStandardizer``. The initial weights, shuffles and dropout masks come
/// from the generator passed to `fit`, so a seed fixes the predictions bit for bit.
///
/// One deliberate difference: NASLib's training loop never calls `optimizer.zero_grad()`, so its
/// gradients accumulate over every step of the run; here each step uses its own gradient.
public struct GCNPredictor: Predictor {
    public let configuration: GCNConfiguration
    /// The fitted parameters in ``parameterShapes()`` order (empty before `fit`).
    public private(set) var parameters: [[Float]] = []
    /// The label scaling undone by `predict`.
    public private(set) var standardizer: LabelStandardizer?

    public init(configuration: GCNConfiguration = GCNConfiguration()) {
        self.configuration = configuration
    }

    /// Shapes of the parameters: per layer `W₁`, `W₂` (`[in, hidden]`), then the fully connected
    /// `[linearHidden, gcnHidden]` and output `[1, linearHidden]` weights.
    public func parameterShapes() -> [[Int]] {
        let c = configuration
        var shapes: [[Int]] = []
        for layer in 0..<c.gcnLayers {
            let input = layer == 0 ? c.opClassCount : c.gcnHidden
            shapes += [[input, c.gcnHidden], [input, c.gcnHidden]]
        }
        return shapes + [[c.linearHidden, c.gcnHidden], [1, c.linearHidden]]
    }

    /// Node features `[rows, N, C]` and the two propagation matrices `[rows, N, N]` of `rows`.
    private func graphs(_ features: FeatureMatrix, rows: Range<Int>) throws -> (x: [Float], forward: [Float], backward: [Float]) {
        let n = configuration.nodeCount, classes = configuration.opClassCount
        var x: [Float] = [], forward: [Float] = [], backward: [Float] = []
        x.reserveCapacity(rows.count * n * classes)
        for row in rows {
            let graph = try CellGraph(flattened: features.row(row), nodeCount: n, opClassCount: classes)
            x += graph.opOneHot.map(Float.init)
            // NASLib: adj = normalize(A + I) (rows sum to 1); the reverse pass uses normalize(adjᵀ).
            var a = graph.adjacency.map(Float.init)
            for i in 0..<n { a[i * n + i] += 1 }
            Self.normalizeRows(&a, n)
            var t = [Float](repeating: 0, count: n * n)
            for i in 0..<n { for j in 0..<n { t[j * n + i] = a[i * n + j] } }
            Self.normalizeRows(&t, n)
            forward += a
            backward += t
        }
        return (x, forward, backward)
    }

    private static func normalizeRows(_ m: inout [Float], _ n: Int) {
        for i in 0..<n {
            let sum = m[(i * n)..<((i + 1) * n)].reduce(0, +)
            if sum > 0 { for j in 0..<n { m[i * n + j] /= sum } }
        }
    }

    /// The network on a batch of `b` graphs; dropout only when `generator` is given.
    private func forward(
        _ batch: (x: [Float], forward: [Float], backward: [Float]), count b: Int, _ params: [Tensor],
        dropout generator: inout SplitMix64?
    ) -> Tensor {
        let c = configuration, n = c.nodeCount, p = Float(c.dropout)
        let forwardAdjacency = Tensor(shape: [b, n, n], data: batch.forward)
        let backwardAdjacency = Tensor(shape: [b, n, n], data: batch.backward)
        var h = Tensor(shape: [b * n, c.opClassCount], data: batch.x)
        for layer in 0..<c.gcnLayers {
            // Neighbourhood aggregation along and against the edges: adjacency x features, batched.
            let along = forwardAdjacency.matmul(h.matmul(params[2 * layer]).reshaped([b, n, c.gcnHidden]))
            let against = backwardAdjacency.matmul(h.matmul(params[2 * layer + 1]).reshaped([b, n, c.gcnHidden]))
            h = ((along.relu() + against.relu()) * 0.5).reshaped([b * n, c.gcnHidden])
            if generator != nil { h = Self.drop(h, p, &generator) }
        }
        var g = h.reshaped([b, n, c.gcnHidden]).mean(axes: [1])
        // NASLib: fc1 -> dropout -> fc2 with no activation between them.
        g = g.matmul(params[2 * c.gcnLayers], transposeOther: true)
        if generator != nil { g = Self.drop(g, p, &generator) }
        return g.matmul(params[2 * c.gcnLayers + 1], transposeOther: true)
    }

    private static func drop(_ t: Tensor, _ p: Float, _ generator: inout SplitMix64?) -> Tensor {
        guard var rng = generator else { return t }
        let out = t.dropout(p: p, training: true, using: &rng)
        generator = rng
        return out
    }

    public mutating func fit(
        _ features: FeatureMatrix, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        try features.validateTraining(labels: labels)
        try configuration.validate()
        let c = configuration
        let scaler = try LabelStandardizer(fitting: labels)
        let targets = scaler.standardize(labels).map(Float.init)
        let all = try graphs(features, rows: 0..<features.rowCount)
        let shapes = parameterShapes()
        // NASLib: Xavier-uniform convolution weights; PyTorch's default for the bias-free linears.
        let params = shapes.enumerated().map { k, shape -> Tensor in
            if k < 2 * c.gcnLayers {
                let bound = Float((6.0 / Double(shape[0] + shape[1])).squareRoot())
                return Tensor.randomUniform(shape, bound: bound, requiresGrad: true, using: &generator)
            }
            return Tensor.kaimingUniform(shape, a: Float(5).squareRoot(), using: &generator)
        }
        var dropoutRNG: SplitMix64? = c.dropout > 0 ? SplitMix64(seed: generator.next()) : nil
        let optimizer = Adam(parameters: params, learningRate: Float(c.learningRate), weightDecay: Float(c.weightDecay))
        let schedule = CosineSchedule(baseRate: Float(c.learningRate), totalSteps: c.epochs)
        let n = features.rowCount, nodes = c.nodeCount, width = nodes * c.opClassCount, square = nodes * nodes
        var order = Array(0..<n)
        for epoch in 0..<c.epochs {
            optimizer.learningRate = schedule.learningRate(at: epoch)
            generator.shuffle(&order)
            var start = 0
            while start < n {
                let rows = order[start..<min(start + c.batchSize, n)]
                start += c.batchSize
                var batch: (x: [Float], forward: [Float], backward: [Float]) = ([], [], [])
                for r in rows {
                    batch.x += all.x[(r * width)..<((r + 1) * width)]
                    batch.forward += all.forward[(r * square)..<((r + 1) * square)]
                    batch.backward += all.backward[(r * square)..<((r + 1) * square)]
                }
                let output = forward(batch, count: rows.count, params, dropout: &dropoutRNG)
                let loss = output.mseLoss(Tensor(shape: [rows.count, 1], data: rows.map { targets[$0] }))
                optimizer.zeroGrad()
                loss.backward()
                optimizer.step()
            }
        }
        parameters = params.map(\.data)
        standardizer = scaler
    }

    public func predict(_ features: FeatureMatrix) throws -> [Double] {
        guard let standardizer, !parameters.isEmpty else { throw PredictorError.notFitted(model: "GCNPredictor") }
        let c = configuration
        let expected = c.nodeCount * c.nodeCount + c.nodeCount * c.opClassCount
        try features.validateQuery(expectedWidth: expected)
        let shapes = parameterShapes()
        return try GradMode.withNoGrad {
            let params = zip(shapes, parameters).map { Tensor(shape: $0, data: $1) }
            var out: [Double] = []
            out.reserveCapacity(features.rowCount)
            var noDropout: SplitMix64? = nil
            var start = 0
            while start < features.rowCount {
                let end = min(start + 2048, features.rowCount)
                let batch = try graphs(features, rows: start..<end)
                out += forward(batch, count: end - start, params, dropout: &noDropout).data.map(Double.init)
                start = end
            }
            return standardizer.restore(out)
        }
    }
}
