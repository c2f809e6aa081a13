import Foundation

extension PredictorSettings {
    /// Settings from a JSON document such as `{"rf": {"treeCount": 200}, "gbdt": {"maxDepth": 4}}`,
    /// rejecting keys no configuration has (a typo must not silently keep a default).
    ///
    /// - Throws: ``PredictorError/invalidHyperparameter(name:value:expected:)`` naming an
    ///   unknown key or a value of the wrong type.
    public init(json data: Data) throws {
        let decoded: PredictorSettings
        do {
            decoded = try JSONDecoder().decode(PredictorSettings.self, from: data)
        } catch let error as DecodingError {
            throw PredictorError.invalidHyperparameter(
                name: Self.path(of: error), value: "in the config file", expected: Self.reason(of: error))
        }
        let given = try JSONSerialization.jsonObject(with: data)
        let known = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(decoded))
        if let unknown = Self.unknownKey(given, known, path: "") {
            throw PredictorError.invalidHyperparameter(
                name: unknown.path, value: "(unknown key)", expected: "one of: \(unknown.known.joined(separator: ", "))")
        }
        self = decoded
    }

    /// The settings as a JSON object (every hyperparameter of every kind), for `config.json`.
    public func jsonObject() throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONSerialization.jsonObject(with: try encoder.encode(self)) as? [String: Any] ?? [:]
    }

    /// The first key of `given` that `known` (the decoded settings, re-encoded) lacks.
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
