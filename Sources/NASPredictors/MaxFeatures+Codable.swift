extension MaxFeatures: Codable {
    private enum CodingKeys: String, CodingKey {
        case fraction, count
    }

    /// Decodes `"all"`, `"sqrt"`, `"log2"`, `{"fraction": 0.5}` or `{"count": 5}`.
    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            switch name {
            case "all": self = .all
            case "sqrt": self = .sqrt
            case "log2": self = .log2
            default:
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "unknown maxFeatures '\(name)' (expected all, sqrt, log2, "
                            + "{\"fraction\": x} or {\"count\": n})"))
            }
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let fraction = try container.decodeIfPresent(Double.self, forKey: .fraction) {
            self = .fraction(fraction)
        } else {
            self = .count(try container.decode(Int.self, forKey: .count))
        }
    }

    /// Encodes as the forms accepted by ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .all, .sqrt, .log2:
            var container = encoder.singleValueContainer()
            try container.encode(self == .all ? "all" : self == .sqrt ? "sqrt" : "log2")
        case let .fraction(fraction):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(fraction, forKey: .fraction)
        case let .count(count):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(count, forKey: .count)
        }
    }
}
