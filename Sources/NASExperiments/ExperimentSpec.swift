import Foundation
import NASPredictors

/// A typed experiment spec (`SearchSpec`, `PredictorSpec`): read strictly from a JSON or YAML file
/// and recorded as sorted-key JSON (`spec.json`) beside the run's results.
public protocol ExperimentSpec: Codable {}

extension ExperimentSpec {
    /// A spec file (JSON or YAML), strictly: an unknown key or a wrong type is a one-line error.
    public static func load(path: String) throws -> Self {
        do {
            return try StrictJSON.decode(Self.self, from: try ConfigFile.jsonData(path: path))
        } catch let error as PredictorError {
            throw ExperimentError.badInput("--spec \(path): \(error)")
        }
    }

    /// The spec as sorted-key, pretty-printed JSON with a final newline (every key written).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
