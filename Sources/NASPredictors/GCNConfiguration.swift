/// Hyperparameters of ``GCNPredictor``.
///
/// Defaults are NASLib's GCN predictor (`naslib/predictors/gcn.py`, the Neural Predictor of Wen
/// et al., "Neural Predictor for Neural Architecture Search", ECCV 2020; White et al., "How
/// Powerful are Performance Predictors in NAS?", NeurIPS 2021): 4 bidirectional graph
/// convolutions of 144 units, a 128-unit fully connected layer, dropout 0.1, Adam lr 1e-4 with
/// (L2) weight decay 3e-4, 300 epochs with a cosine schedule stepped per epoch, batches of 7.
public struct GCNConfiguration: Hashable, Sendable, Codable {
    /// Graph convolution layers. NASLib: 4.
    public var gcnLayers: Int = 4
    /// Units of each graph convolution (`gcn_hidden`). NASLib: 144.
    public var gcnHidden: Int = 144
    /// Units of the fully connected layer before the output (`linear_hidden`). NASLib: 128.
    public var linearHidden: Int = 128
    /// Dropout after each convolution and the fully connected layer. NASLib: 0.1.
    public var dropout: Double = 0.1
    /// Adam's initial learning rate, annealed to 0 by a cosine schedule. NASLib: 1e-4.
    public var learningRate: Double = 1e-4
    /// Adam's (coupled, L2) weight decay. NASLib: 3e-4.
    public var weightDecay: Double = 3e-4
    /// Passes over the training set. NASLib: 300.
    public var epochs: Int = 300
    /// Mini-batch size (the last partial batch is kept, unlike NASLib's `drop_last`, so that tiny
    /// training sets still train). NASLib: 7.
    public var batchSize: Int = 7
    /// Nodes of the graph encoding (NB201's graph form: 8).
    public var nodeCount: Int = 8
    /// Op classes of the graph encoding (NB201's graph form: 7).
    public var opClassCount: Int = 7

    /// The defaults above, each overridable.
    public init(
        gcnLayers: Int = 4, gcnHidden: Int = 144, linearHidden: Int = 128, dropout: Double = 0.1,
        learningRate: Double = 1e-4, weightDecay: Double = 3e-4, epochs: Int = 300, batchSize: Int = 7,
        nodeCount: Int = 8, opClassCount: Int = 7
    ) {
        self.gcnLayers = gcnLayers
        self.gcnHidden = gcnHidden
        self.linearHidden = linearHidden
        self.dropout = dropout
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.epochs = epochs
        self.batchSize = batchSize
        self.nodeCount = nodeCount
        self.opClassCount = opClassCount
    }

    private enum CodingKeys: String, CodingKey {
        case gcnLayers, gcnHidden, linearHidden, dropout, learningRate, weightDecay, epochs, batchSize
        case nodeCount, opClassCount
    }

    /// Decodes a configuration; absent keys keep their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Self()
        gcnLayers = try c.decodeIfPresent(Int.self, forKey: .gcnLayers) ?? d.gcnLayers
        gcnHidden = try c.decodeIfPresent(Int.self, forKey: .gcnHidden) ?? d.gcnHidden
        linearHidden = try c.decodeIfPresent(Int.self, forKey: .linearHidden) ?? d.linearHidden
        dropout = try c.decodeIfPresent(Double.self, forKey: .dropout) ?? d.dropout
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate
        weightDecay = try c.decodeIfPresent(Double.self, forKey: .weightDecay) ?? d.weightDecay
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? d.epochs
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? d.batchSize
        nodeCount = try c.decodeIfPresent(Int.self, forKey: .nodeCount) ?? d.nodeCount
        opClassCount = try c.decodeIfPresent(Int.self, forKey: .opClassCount) ?? d.opClassCount
    }

    /// - Throws: ``PredictorError/invalidHyperparameter(name:value:expected:)`` for a bad value.
    func validate() throws {
        func bad(_ name: String, _ value: Any, _ expected: String) -> PredictorError {
            .invalidHyperparameter(name: name, value: "\(value)", expected: expected)
        }
        guard gcnLayers >= 1 else { throw bad("gcnLayers", gcnLayers, ">= 1") }
        guard gcnHidden >= 1, linearHidden >= 1 else { throw bad("gcnHidden/linearHidden", gcnHidden, ">= 1") }
        guard dropout >= 0, dropout < 1 else { throw bad("dropout", dropout, "in [0, 1)") }
        guard learningRate > 0 else { throw bad("learningRate", learningRate, "> 0") }
        guard weightDecay >= 0 else { throw bad("weightDecay", weightDecay, ">= 0") }
        guard epochs >= 1 else { throw bad("epochs", epochs, ">= 1") }
        guard batchSize >= 1 else { throw bad("batchSize", batchSize, ">= 1") }
        guard nodeCount >= 1, opClassCount >= 1 else { throw bad("nodeCount/opClassCount", nodeCount, ">= 1") }
    }
}
