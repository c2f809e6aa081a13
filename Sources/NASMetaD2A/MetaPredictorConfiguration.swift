/// The sizes of MetaD2A's meta-predictor (``MetaPredictor``). The defaults are the authors' NB201
/// run (README: `main.py --model predictor --hs 512 --nz 56`; predictor/predictor_model.py).
public struct MetaPredictorConfiguration: Codable, Equatable, Sendable {
    /// Width of one image's features: 512 (set_encode's `x.view(-1, num_sample, 512)`).
    public var featureSize = 512
    /// Hidden state of the graph encoder's GRUs and of the head, `hs = 512`.
    public var hiddenSize = 512
    /// Width of the dataset and graph embeddings, `nz = 56`.
    public var embeddingSize = 56
    /// Attention heads of the set encoder's blocks: 4 (`SetPool`'s default).
    public var numHeads = 4
    /// Vertices of a graph, `max_n = 8`.
    public var maxVertices = 8

    /// The authors' sizes.
    public init() {}

    /// Given sizes (for tests and small runs).
    public init(featureSize: Int, hiddenSize: Int, embeddingSize: Int, numHeads: Int, maxVertices: Int = 8) {
        self.featureSize = featureSize; self.hiddenSize = hiddenSize; self.embeddingSize = embeddingSize
        self.numHeads = numHeads; self.maxVertices = maxVertices
    }
}
