import NASTensor

/// A multilayer perceptron regressor on flat encodings: WeakNAS's predictor (Wu et al.,
/// "Stronger NAS with Weaker Predictors", NeurIPS 2021: 4 hidden layers of 1000 ReLU units,
/// Adam 1e-3, L2 1e-4), trained like scikit-learn's `MLPRegressor` (see ``MLPConfiguration``).
///
/// Runs on NASTensor in float32. Labels are standardised with ``LabelStandardizer`` inside `fit`
/// and restored in `predict` (unless ``MLPConfiguration/standardizeLabels`` is false). Reproducibility: the initial weights and every epoch's shuffle are
/// drawn from the generator passed to `fit`, in a fixed order, so the same generator state gives
/// the same network and the same predictions bit for bit (on the same machine and BLAS).
public struct MLPPredictor: Predictor {
    public let configuration: MLPConfiguration
    /// The fitted layers, input to output: weights `[out, in]` row-major and biases `[out]`.
    public private(set) var layers: [(weight: [Float], bias: [Float])] = []
    /// The label scaling undone by `predict`.
    public private(set) var standardizer: LabelStandardizer?
    /// Width of the training features.
    public private(set) var featureCount = 0
    /// Epochs the last `fit` ran (fewer than `configuration.epochs` when the stopping rule fired).
    public private(set) var epochsRun = 0

    public init(configuration: MLPConfiguration = MLPConfiguration()) {
        self.configuration = configuration
    }

    /// The layer widths, input to output.
    private func widths(input: Int) -> [Int] { [input] + configuration.hiddenLayers + [1] }

    public mutating func fit(
        _ features: FeatureMatrix, labels: [Double], using generator: inout some RandomNumberGenerator
    ) throws {
        try features.validateTraining(labels: labels)
        try configuration.validate()
        let scaler = configuration.standardizeLabels ? try LabelStandardizer(fitting: labels) : .identity
        let targets = scaler.standardize(labels).map(Float.init)
        let inputs = features.values.map(Float.init)
        let n = features.rowCount, width = features.columnCount
        let sizes = widths(input: width)

        // Glorot-uniform weights and biases, bound sqrt(6 / (in + out)) (scikit-learn's `_init_coef`).
        var params: [(weight: Tensor, bias: Tensor)] = []
        for k in 0..<(sizes.count - 1) {
            let bound = Float((6.0 / Double(sizes[k] + sizes[k + 1])).squareRoot())
            let w = Tensor.randomUniform([sizes[k + 1], sizes[k]], bound: bound, requiresGrad: true, using: &generator)
            let b = Tensor.randomUniform([sizes[k + 1]], bound: bound, requiresGrad: true, using: &generator)
            params.append((w, b))
        }
        let optimizer = Adam(
            parameters: params.flatMap { [$0.weight, $0.bias] }, learningRate: Float(configuration.learningRate),
            beta1: Float(configuration.beta1), beta2: Float(configuration.beta2), epsilon: Float(configuration.epsilon))
        let batch = min(configuration.batchSize ?? 200, n)
        var order = Array(0..<n)
        // scikit-learn's stopping rule without a validation split (`_update_no_improvement_count`):
        // an epoch whose mean training loss is not below the best so far by `tolerance` counts
        // as no improvement; training stops once more than `iterationsWithoutImprovement`
        // consecutive epochs did not improve.
        var bestLoss = Double.infinity, epochsWithoutImprovement = 0
        epochsRun = 0
        for _ in 0..<configuration.epochs {
            generator.shuffle(&order)
            var start = 0, epochLoss = 0.0
            while start < n {
                let rows = order[start..<min(start + batch, n)]
                start += batch
                var x = [Float](); x.reserveCapacity(rows.count * width)
                for r in rows { x.append(contentsOf: inputs[(r * width)..<((r + 1) * width)]) }
                let y = Tensor(shape: [rows.count, 1], data: rows.map { targets[$0] })
                let output = Self.forward(Tensor(shape: [rows.count, width], data: x), params)
                // scikit-learn's squared loss 0.5 * mean((y - p)^2) plus 0.5 * alpha * |W|^2 / batch.
                // The penalty's gradient alpha * W / batch is added to the weights' gradients
                // directly (cheaper than recording |W|^2 in the graph).
                let loss = output.mseLoss(y) * 0.5
                var batchLoss = Double(loss.item)
                optimizer.zeroGrad()
                loss.backward()
                if configuration.l2 > 0 {
                    let decay = Float(configuration.l2 / Double(rows.count))
                    var squares = 0.0
                    for p in params { squares += Self.addDecay(decay, of: p.weight) }
                    batchLoss += 0.5 * configuration.l2 * squares / Double(rows.count)
                }
                optimizer.step()
                epochLoss += batchLoss * Double(rows.count)
            }
            epochsRun += 1
            epochLoss /= Double(n)
            epochsWithoutImprovement = epochLoss > bestLoss - configuration.tolerance ? epochsWithoutImprovement + 1 : 0
            bestLoss = min(bestLoss, epochLoss)
            if epochsWithoutImprovement > configuration.iterationsWithoutImprovement { break }
        }
        layers = params.map { ($0.weight.data, $0.bias.data) }
        standardizer = scaler
        featureCount = width
    }

    /// Adds `decay * w` to the gradient of `w` (the L2 penalty's gradient) and returns `|w|^2`
    /// (for the penalty's value in the training loss).
    private static func addDecay(_ decay: Float, of w: Tensor) -> Double {
        let values = w.data
        return values.withUnsafeBufferPointer { vb -> Double in
            guard let vp = vb.baseAddress else { return 0 }
            let squares = Double(BLAS.dot(count: vb.count, vp, vp))
            guard var g = w.gradStorage else { return squares }
            w.gradStorage = nil
            g.withUnsafeMutableBufferPointer { gb in
                if let gp = gb.baseAddress { BLAS.axpy(count: gb.count, alpha: decay, x: vp, y: gp) }
            }
            w.gradStorage = g
            return squares
        }
    }

    /// `x` through the layers: ReLU after every layer but the last.
    private static func forward(_ x: Tensor, _ params: [(weight: Tensor, bias: Tensor)]) -> Tensor {
        var h = x
        for (k, p) in params.enumerated() {
            h = h.matmul(p.weight, transposeOther: true) + p.bias
            if k < params.count - 1 { h = h.relu() }
        }
        return h
    }

    public func predict(_ features: FeatureMatrix) throws -> [Double] {
        guard let standardizer, !layers.isEmpty else { throw PredictorError.notFitted(model: "MLPPredictor") }
        try features.validateQuery(expectedWidth: featureCount)
        let sizes = widths(input: featureCount)
        let width = featureCount, n = features.rowCount
        let chunk = max(1, configuration.predictBatchSize)
        return GradMode.withNoGrad {
            let params = layers.enumerated().map { k, layer in
                (weight: Tensor(shape: [sizes[k + 1], sizes[k]], data: layer.weight),
                 bias: Tensor(shape: [sizes[k + 1]], data: layer.bias))
            }
            var out: [Double] = []
            out.reserveCapacity(n)
            var start = 0
            while start < n {
                let end = min(start + chunk, n)
                let x = features.values[(start * width)..<(end * width)].map(Float.init)
                let y = Self.forward(Tensor(shape: [end - start, width], data: x), params)
                out.append(contentsOf: y.data.map(Double.init))
                start = end
            }
            return standardizer.restore(out)
        }
    }
}
