import Foundation

extension PredictorSettings {
    /// Settings from a JSON document such as `{"rf": {"treeCount": 200}, "gbdt": {"maxDepth": 4}}`,
    /// rejecting keys no configuration has (a typo must not silently keep a default).
    ///
    /// - Throws: ``PredictorError/invalidHyperparameter(name:value:expected:)`` naming an
    ///   unknown key or a value of the wrong type.
    public init(json data: Data) throws {
        self = try StrictJSON.decode(PredictorSettings.self, from: data)
    }

    /// The settings as a JSON object (every hyperparameter of every kind), for `config.json`.
    public func jsonObject() throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONSerialization.jsonObject(with: try encoder.encode(self)) as? [String: Any] ?? [:]
    }
}
