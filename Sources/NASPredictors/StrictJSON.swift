import Foundation

/// Decodes settings documents strictly: a key that the decoded value does not have (a typo)
/// is an error naming its path, not a silently kept default. Used by `PredictorSettings` and the
/// experiment specs.
public enum StrictJSON {
    /// `T` from `data`, rejecting unknown keys at any depth.
    ///
    /// - Throws: ``PredictorError/invalidHyperparameter(name:value:expected:)`` naming an unknown
    ///   key (with the keys that exist there) or a value of the wrong type.
    public static func decode<T: Codable>(_: T.Type, from data: Data) throws -> T {
        let decoded: T
        do {
            decoded = try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw PredictorError.invalidHyperparameter(name: path(of: error), value: "in the file", expected: reason(of: error))
        }
        let given = try JSONSerialization.jsonObject(with: data)
        let known = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(decoded))
        if let unknown = unknownKey(given, known, path: "") {
            throw PredictorError.invalidHyperparameter(
                name: unknown.path, value: "(unknown key)", expected: "one of: \(unknown.known.joined(separator: ", "))")
        }
        return decoded
    }

    /// The first key of `given` that `known` (the decoded value, re-encoded) lacks.
    private static func unknownKey(_ given: Any, _ known: Any, path: String) -> (path: String, known: [String])? {
        guard let given = given as? [String: Any], let known = known as? [String: Any] else { return nil }
        for key in given.keys.sorted() {
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard let value = known[key] else { return (keyPath, known.keys.sorted()) }
            if let found = unknownKey(given[key] as Any, value, path: keyPath) { return found }
        }
        return nil
    }

    private static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .keyNotFound(_, c), let .dataCorrupted(c): context = c
        @unknown default: return "config"
        }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "config" : path
    }

    private static func reason(of error: DecodingError) -> String {
        switch error {
        case let .typeMismatch(type, _): "a value of type \(type)"
        case let .valueNotFound(type, _): "a value of type \(type)"
        case let .keyNotFound(key, _): "the key \(key.stringValue)"
        case let .dataCorrupted(c): c.debugDescription
        @unknown default: "valid JSON"
        }
    }
}
