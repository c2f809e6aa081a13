import NASSpaces
import NASTensor

/// The NAS-Bench-201 macro skeleton (NB201's `TinyNetwork`, Dong & Yang, ICLR 2020):
/// a 3x3 stem convolution with `channels` filters and BN, three stages of `cellsPerStage`
/// cells at `C`, `2C`, `4C` channels with a residual reduction block between stages, then
/// BN-ReLU, global average pooling and a linear classifier. The benchmark uses `C = 16`,
/// `N = 5`.
public final class NB201Network: Module, BatchNormHolder {
    public let cell: NB201Cell
    public let channels: Int
    public let cellsPerStage: Int
    public let classes: Int
    /// Records ReLU outputs when switched on (NASWOT).
    public let tap = ActivationTap()
    let stemConv: Conv2d
    let stemBN: BatchNorm2d
    /// Cells and reduction blocks in order.
    let body: [any Module]
    let lastBN: BatchNorm2d
    /// The linear head.
    public let classifier: Linear

    /// A randomly initialised network for `cell`.
    /// - Parameters:
    ///   - channels: `C`, the stem width (the benchmark's 16).
    ///   - cellsPerStage: `N` (the benchmark's 5).
    ///   - scheme: how convolution weights are drawn.
    public init(cell: NB201Cell, channels: Int = 16, cellsPerStage: Int = 5, classes: Int = 10,
                init scheme: InitScheme = .pytorch, using rng: inout some RandomNumberGenerator) throws {
        guard channels > 0, cellsPerStage > 0, classes > 1 else {
            throw EvaluatorError.badInput(
                "network needs channels > 0, cells per stage > 0 and classes > 1 (got \(channels), \(cellsPerStage), \(classes))")
        }
        self.cell = cell
        self.channels = channels
        self.cellsPerStage = cellsPerStage
        self.classes = classes
        stemConv = Conv2d(3, channels, kernelSize: 3, padding: 1, bias: false, using: &rng)
        scheme.initialise(stemConv, using: &rng)
        stemBN = BatchNorm2d(channels)
        var layers: [any Module] = []
        var width = channels
        for stage in 0..<3 {
            if stage > 0 {
                layers.append(ResNetBasicBlock(width, width * 2, init: scheme, tap: tap, using: &rng))
                width *= 2
            }
            for _ in 0..<cellsPerStage {
                layers.append(NB201InferCell(cell, channels: width, init: scheme, tap: tap, using: &rng))
            }
        }
        body = layers
        lastBN = BatchNorm2d(width)
        classifier = Linear(width, classes, using: &rng)
    }

    /// Width of the pooled features (`4C`).
    public var featureWidth: Int { channels * 4 }

    /// The globally pooled features, `[N, 4C]`, of images `[N, 3, H, W]`.
    public func features(_ x: Tensor) -> Tensor {
        var h = stemBN(stemConv(x))
        for layer in body { h = layer(h) }
        return tap.relu(lastBN(h)).globalAvgPool2d()
    }

    /// Logits `[N, classes]`.
    public func callAsFunction(_ x: Tensor) -> Tensor { classifier(features(x)) }

    public func namedParameters() -> [(String, Tensor)] {
        var out = prefixedNames("stem.0", stemConv.namedParameters()) + prefixedNames("stem.1", stemBN.namedParameters())
        for (i, layer) in body.enumerated() { out += prefixedNames("cells.\(i)", layer.namedParameters()) }
        return out + prefixedNames("lastact.0", lastBN.namedParameters())
            + prefixedNames("classifier", classifier.namedParameters())
    }

    public func namedBuffers() -> [(String, Tensor)] {
        var out = prefixedNames("stem.1", stemBN.namedBuffers())
        for (i, layer) in body.enumerated() { out += prefixedNames("cells.\(i)", layer.namedBuffers()) }
        return out + prefixedNames("lastact.0", lastBN.namedBuffers())
    }

    public func setTraining(_ training: Bool) {
        stemBN.setTraining(training)
        for layer in body { layer.setTraining(training) }
        lastBN.setTraining(training)
    }

    /// Every batch norm in forward order: the stem's, the body's, the last one.
    public var batchNorms: [BatchNorm2d] {
        [stemBN] + body.flatMap { ($0 as? any BatchNormHolder)?.batchNorms ?? [] } + [lastBN]
    }

    /// Parameters of the network, as NB201 counts them (every learnable tensor).
    public var parameterCount: Int { namedParameters().reduce(0) { $0 + $1.1.count } }
}
