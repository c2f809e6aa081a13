/// The sizes and loss constants of MetaD2A's generator (``GraphGenerator``). The defaults are the
/// authors' NB201 run (README: `main.py --model generator --hs 56 --nz 56`; parser.py, generator/model.py).
public struct GeneratorConfiguration: Codable, Equatable, Sendable {
    /// Width of one image's features: 512 (set_encode's `x.view(-1, num_sample, 512)`, ResNet-18 features).
    public var featureSize = 512
    /// Hidden state of the decoder GRU, `hs = 56`.
    public var hiddenSize = 56
    /// Latent size `nz = 56`, also the width of the set encoder (`dim_hidden = dim_output = nz`).
    public var latentSize = 56
    /// Attention heads of the set encoder's blocks: 4 (`SetPool`'s default `num_heads`).
    public var numHeads = 4
    /// Vertices of a graph, `max_n = 8` (the largest graph of the authors' NB201 data).
    public var maxVertices = 8
    /// Weight of the KL term, `beta = 0.005` (`GeneratorModel.loss`).
    public var klWeight: Float = 0.005
    /// Scale of the reparameterisation noise, `eps_scale = 0.01` (`GeneratorModel.reparameterize`).
    public var noiseScale: Float = 0.01

    /// The authors' sizes.
    public init() {}

    /// Given sizes (for tests and small runs); the loss constants keep their defaults.
    public init(featureSize: Int, hiddenSize: Int, latentSize: Int, numHeads: Int, maxVertices: Int = 8) {
        self.featureSize = featureSize; self.hiddenSize = hiddenSize; self.latentSize = latentSize
        self.numHeads = numHeads; self.maxVertices = maxVertices
    }
}
