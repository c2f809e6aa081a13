extension SeedChoice: Codable {
    /// `"mean"`, `"sampled"` or a seed number, as spec files write them.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let k = try? container.decode(Int.self), k >= 0 {
            self = .fixed(k)
            return
        }
        switch try container.decode(String.self) {
        case "mean": self = .mean
        case "sampled": self = .sampled
        case let other:
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "seed '\(other)': expected mean, sampled or a seed number")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .mean: try container.encode("mean")
        case .sampled: try container.encode("sampled")
        case .fixed(let k): try container.encode(k)
        }
    }
}
