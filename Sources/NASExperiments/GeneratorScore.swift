/// How the generator does on held-out pairs at `z = mu` (the authors' eval mode), per pair: the
/// loss and its two parts, and of the most likely decode of each pair's `mu`, the fraction that
/// is the pair's cell (reconstruction accuracy) and the fraction that is a valid NB201 cell.
/// NaN when there are no held-out pairs.
public struct GeneratorScore: Codable, Sendable, Equatable {
    public var loss: Double
    public var reconstruction: Double
    public var kl: Double
    public var reconstructionAccuracy: Double
    public var validity: Double

    public static let none = GeneratorScore(loss: .nan, reconstruction: .nan, kl: .nan, reconstructionAccuracy: .nan, validity: .nan)

    public init(loss: Double, reconstruction: Double, kl: Double, reconstructionAccuracy: Double, validity: Double) {
        self.loss = loss; self.reconstruction = reconstruction; self.kl = kl
        self.reconstructionAccuracy = reconstructionAccuracy; self.validity = validity
    }

    /// The five as CSV fields.
    var fields: [String] { [loss, reconstruction, kl, reconstructionAccuracy, validity].map { CSVLine.number($0) } }

    private enum CodingKeys: String, CodingKey {
        case loss, reconstruction, kl, reconstructionAccuracy = "reconstruction_accuracy", validity
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(loss: try c.decodeNumber(forKey: .loss), reconstruction: try c.decodeNumber(forKey: .reconstruction),
                  kl: try c.decodeNumber(forKey: .kl), reconstructionAccuracy: try c.decodeNumber(forKey: .reconstructionAccuracy),
                  validity: try c.decodeNumber(forKey: .validity))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeNumber(loss, forKey: .loss); try c.encodeNumber(reconstruction, forKey: .reconstruction)
        try c.encodeNumber(kl, forKey: .kl); try c.encodeNumber(reconstructionAccuracy, forKey: .reconstructionAccuracy)
        try c.encodeNumber(validity, forKey: .validity)
    }
}
