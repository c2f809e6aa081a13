/// Numbers that may be NaN in JSON (which has no NaN): written as null, read back as NaN.
extension KeyedEncodingContainer {
    mutating func encodeNumber(_ value: Double, forKey key: Key) throws {
        if value.isFinite { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

extension KeyedDecodingContainer {
    func decodeNumber(forKey key: Key) throws -> Double { try decodeIfPresent(Double.self, forKey: key) ?? .nan }
}
