/// Hyperparameters of ``MLPPredictor``.
///
/// Defaults are WeakNAS's predictor (Wu et al., "Stronger NAS with Weaker Predictors", NeurIPS
/// 2021, Sec. 4 and appendix: an MLP with 4 hidden layers of 1000 ReLU units, Adam, learning rate
/// 1e-3, L2 1e-4), trained the way scikit-learn's `MLPRegressor` trains it (WeakNAS's choice of
/// implementation): squared loss `0.5 * mean((y - p)^2)` on standardised labels, L2 penalty
/// `0.5 * alpha * |W|^2 / batch` on the weights (not the biases), Glorot-uniform initialisation of
/// weights and biases, mini-batches of `min(200, n)`, rows reshuffled every epoch, and
/// scikit-learn's stopping rule (WeakNAS keeps `MLPRegressor`'s defaults `tol=1e-4`,
/// `n_iter_no_change=10` and passes `max_iter=100`: `--mlp_iter 100` in its NB201 commands).
public struct MLPConfiguration: Hashable, Sendable, Codable {
    /// Width of each hidden layer (`hidden_layer_sizes`). WeakNAS: `[1000, 1000, 1000, 1000]`.
    public var hiddenLayers: [Int] = [1000, 1000, 1000, 1000]
    /// Adam's learning rate (`learning_rate_init`). WeakNAS: 1e-3.
    public var learningRate: Double = 1e-3
    /// L2 penalty on the weights (`alpha`), scaled by `1 / batch` as scikit-learn does. WeakNAS: 1e-4.
    public var l2: Double = 1e-4
    /// Most passes over the training set (`max_iter`). WeakNAS's NB201 runs: 100 (`--mlp_iter 100`).
    public var epochs: Int = 100
    /// Minimum decrease of the mean training loss that counts as an improvement (`tol`).
    /// scikit-learn's default, kept by WeakNAS: 1e-4.
    public var tolerance: Double = 1e-4
    /// Training stops after more than this many consecutive epochs without improvement
    /// (`n_iter_no_change`; scikit-learn's default, kept by WeakNAS: 10). Set it to `epochs` or
    /// more to always run every epoch.
    public var iterationsWithoutImprovement: Int = 10
    /// Mini-batch size, `nil` for scikit-learn's `"auto"`: `min(200, n)`.
    public var batchSize: Int?
    /// Adam's first-moment decay (`beta_1`). scikit-learn/PyTorch: 0.9.
    public var beta1: Double = 0.9
    /// Adam's second-moment decay (`beta_2`). scikit-learn/PyTorch: 0.999.
    public var beta2: Double = 0.999
    /// Adam's epsilon. scikit-learn/PyTorch: 1e-8.
    public var epsilon: Double = 1e-8
    /// Whether `fit` standardises the labels it is given (mean 0, std 1 over the training set).
    /// scikit-learn's `MLPRegressor` fits labels as given; WeakNAS standardises once over the
    /// whole table before fitting (`norm_label_all_train`), which ``false`` reproduces when the
    /// caller passes labels standardised that way.
    public var standardizeLabels: Bool = true
    /// Rows per forward pass in `predict` (memory/speed only; results do not depend on it).
    public var predictBatchSize: Int = 4096

    /// The defaults above, each overridable.
    public init(
        hiddenLayers: [Int] = [1000, 1000, 1000, 1000], learningRate: Double = 1e-3, l2: Double = 1e-4,
        epochs: Int = 100, tolerance: Double = 1e-4, iterationsWithoutImprovement: Int = 10,
        batchSize: Int? = nil, beta1: Double = 0.9, beta2: Double = 0.999,
        epsilon: Double = 1e-8, standardizeLabels: Bool = true, predictBatchSize: Int = 4096
    ) {
        self.hiddenLayers = hiddenLayers
        self.learningRate = learningRate
        self.l2 = l2
        self.epochs = epochs
        self.tolerance = tolerance
        self.iterationsWithoutImprovement = iterationsWithoutImprovement
        self.batchSize = batchSize
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.standardizeLabels = standardizeLabels
        self.predictBatchSize = predictBatchSize
    }

    private enum CodingKeys: String, CodingKey {
        case hiddenLayers, learningRate, l2, epochs, tolerance, iterationsWithoutImprovement, batchSize, beta1, beta2,
            epsilon, standardizeLabels, predictBatchSize
    }

    /// Decodes a configuration; absent keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        hiddenLayers = try container.decodeIfPresent([Int].self, forKey: .hiddenLayers) ?? d.hiddenLayers
        learningRate = try container.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate
        l2 = try container.decodeIfPresent(Double.self, forKey: .l2) ?? d.l2
        epochs = try container.decodeIfPresent(Int.self, forKey: .epochs) ?? d.epochs
        tolerance = try container.decodeIfPresent(Double.self, forKey: .tolerance) ?? d.tolerance
        iterationsWithoutImprovement = try container.decodeIfPresent(
            Int.self, forKey: .iterationsWithoutImprovement) ?? d.iterationsWithoutImprovement
        batchSize = try container.decodeIfPresent(Int.self, forKey: .batchSize)
        beta1 = try container.decodeIfPresent(Double.self, forKey: .beta1) ?? d.beta1
        beta2 = try container.decodeIfPresent(Double.self, forKey: .beta2) ?? d.beta2
        epsilon = try container.decodeIfPresent(Double.self, forKey: .epsilon) ?? d.epsilon
        standardizeLabels = try container.decodeIfPresent(Bool.self, forKey: .standardizeLabels) ?? d.standardizeLabels
        predictBatchSize = try container.decodeIfPresent(Int.self, forKey: .predictBatchSize) ?? d.predictBatchSize
    }

    /// Encodes every hyperparameter, `batchSize` as `null` for `"auto"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(hiddenLayers, forKey: .hiddenLayers)
        try container.encode(learningRate, forKey: .learningRate)
        try container.encode(l2, forKey: .l2)
        try container.encode(epochs, forKey: .epochs)
        try container.encode(tolerance, forKey: .tolerance)
        try container.encode(iterationsWithoutImprovement, forKey: .iterationsWithoutImprovement)
        try container.encode(batchSize, forKey: .batchSize)
        try container.encode(beta1, forKey: .beta1)
        try container.encode(beta2, forKey: .beta2)
        try container.encode(epsilon, forKey: .epsilon)
        try container.encode(standardizeLabels, forKey: .standardizeLabels)
        try container.encode(predictBatchSize, forKey: .predictBatchSize)
    }

    /// - Throws: ``PredictorError/invalidHyperparameter(name:value:expected:)`` for a bad value.
    func validate() throws {
        func bad(_ name: String, _ value: Any, _ expected: String) -> PredictorError {
            .invalidHyperparameter(name: name, value: "\(value)", expected: expected)
        }
        guard hiddenLayers.allSatisfy({ $0 >= 1 }) else { throw bad("hiddenLayers", hiddenLayers, "widths >= 1") }
        guard learningRate > 0 else { throw bad("learningRate", learningRate, "> 0") }
        guard l2 >= 0 else { throw bad("l2", l2, ">= 0") }
        guard epochs >= 1 else { throw bad("epochs", epochs, ">= 1") }
        guard tolerance >= 0, tolerance.isFinite else { throw bad("tolerance", tolerance, "finite and >= 0") }
        guard iterationsWithoutImprovement >= 1 else {
            throw bad("iterationsWithoutImprovement", iterationsWithoutImprovement, ">= 1")
        }
        if let batchSize, batchSize < 1 { throw bad("batchSize", batchSize, ">= 1 or null (auto)") }
        guard predictBatchSize >= 1 else { throw bad("predictBatchSize", predictBatchSize, ">= 1") }
    }
}
