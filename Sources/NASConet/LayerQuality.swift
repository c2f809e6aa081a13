import Foundation

/// CONetV2's per-layer quality of a convolution weight W[Co, Ci, kh, kw], as its `Metrics.evaluate`
/// computes it once per epoch (`sel_metric: MQC`, `p: 1` in configs/config_resnet.yaml):
/// - two unfoldings: the input mode, Ci x (Co kh kw) (row i lists W[o, i, h, w] with o slowest),
///   and the output mode, Co x (Ci kh kw) (W reshaped as stored);
/// - EVBMF of each, as given (no transposition: ``EVBMF`` with `transposeTall` false), keeping r
///   components with shrunk values d_1 >= ... >= d_r;
/// - rank R = r / C (C = Ci or Co); condition kappa = d_1^p / d_r^p (0 when r = 0); knowledge
///   gain KG = sum(d^p / max d^p) / C; MC = 1 - 1/kappa (1 when kappa = 0; 0.0001 when it is 0);
///   QC = atan2(R, MC).
/// When EVBMF refuses a mode (its search interval is empty, where SciPy raises), the mode is nil:
/// the authors then keep the layer's previous-epoch value, or 0 in the first epoch, and the trial
/// loop does the same. The authors compute in float32 on the GPU (torch.svd); this is float64.
///
/// How the search uses the two modes (searching_algorithm/common.py, for the later trial loop):
/// per layer and mode, the trial's value is the maximum over its epochs (`epoch_selection: max`)
/// and feeds a momentum mM; a dependency group's value is the plain average of the output-mode
/// mM of the convs producing its channels and the input-mode mM of the convs consuming them.
public struct LayerQuality: Sendable, Equatable, Codable {
    /// One unfolding's measures.
    public struct Mode: Sendable, Equatable, Codable {
        public let rank: Double
        public let condition: Double
        public let knowledgeGain: Double
        public let quality: Double
    }

    /// A weight whose values do not fill its stated shape.
    public struct InvalidWeight: Error, CustomStringConvertible, Sendable, Equatable {
        public let why: String
        public var description: String { "LayerQuality: \(why)" }
    }

    public let input: Mode?
    public let output: Mode?

    /// Measures given mode by mode.
    public init(input: Mode?, output: Mode?) {
        self.input = input
        self.output = output
    }

    /// The measures of `weight` (row-major [outChannels, inChannels, kh, kw]).
    public init(weight: [Float], outChannels: Int, inChannels: Int, kh: Int, kw: Int, p: Double = 1) throws {
        guard outChannels > 0, inChannels > 0, kh > 0, kw > 0, weight.count == outChannels * inChannels * kh * kw else {
            throw InvalidWeight(
                why: "a weight of \(weight.count) values is not [\(outChannels), \(inChannels), \(kh), \(kw)] with every size positive")
        }
        let k = kh * kw
        var inputMode = [Double](repeating: 0, count: weight.count)
        for o in 0..<outChannels {
            for i in 0..<inChannels {
                for j in 0..<k {
                    inputMode[i * outChannels * k + o * k + j] = Double(weight[(o * inChannels + i) * k + j])
                }
            }
        }
        input = try Self.mode(inputMode, rows: inChannels, columns: outChannels * k, p: p)
        output = try Self.mode(weight.map(Double.init), rows: outChannels, columns: inChannels * k, p: p)
    }

    static func mode(_ matrix: [Double], rows: Int, columns: Int, p: Double) throws -> Mode? {
        let evbmf: EVBMF
        do {
            evbmf = try EVBMF(matrix, rows: rows, columns: columns, transposeTall: false)
        } catch is EVBMF.Refused {
            return nil
        }
        let c = Double(rows)
        let powered = evbmf.kept.map { pow($0, p) }
        let rank = Double(powered.count) / c
        let condition = powered.isEmpty ? 0 : powered[0] / powered[powered.count - 1]
        let largest = powered.max() ?? 1
        let knowledgeGain = powered.isEmpty ? 0 : EVBMF.numpySum(powered.map { $0 / largest }) / c
        var mc = condition == 0 ? 1 : 1 - 1 / condition
        if mc == 0 { mc = 0.0001 }
        return Mode(rank: rank, condition: condition, knowledgeGain: knowledgeGain, quality: atan2(rank, mc))
    }
}
