import Foundation
import NASPredictors

/// A typed experiment spec (`SearchSpec`, `PredictorSpec`, `RWESpec`, `MooSpec`): read strictly
/// from a JSON or YAML file, and recorded as the `spec` entry of the run's `config.json`, which
/// `--spec RUN/config.json` runs again.
public protocol ExperimentSpec: Codable {
    /// The experiment's name in `config.json` (`search`, `predictors`, `rwe`, `moo`).
    static var experiment: String { get }
    /// The spec with its file paths as `config.json` records them (``PathHint``): the same text
    /// from any checkout, so a committed run resumes anywhere the same inputs are.
    var hinted: Self { get }
}

extension ExperimentSpec {
    /// A spec file (JSON or YAML), strictly: an unknown key or a wrong type is a one-line error.
    /// A run's `config.json` is read too: its `spec` entry is the spec that run used.
    public static func load(path: String) throws -> Self {
        var data = try ConfigFile.jsonData(path: path)
        if let run = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let kind = run["experiment"] as? String,
           let spec = run["spec"] {
            guard kind == experiment else {
                throw ExperimentError.badInput("--spec \(path): a \(kind) run's configuration, not a \(experiment) spec")
            }
            data = try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys])
        }
        do {
            return try StrictJSON.decode(Self.self, from: data)
        } catch let error as PredictorError {
            throw ExperimentError.badInput("--spec \(path): \(error)")
        }
    }

    /// The spec as sorted-key, pretty-printed JSON with a final newline (every key written).
    public func json() throws -> String {
        String(decoding: try Self.encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// `config` with this spec (paths hinted) as its `spec` entry: what `config.json` holds.
    public func recorded(in config: [String: Any]) throws -> [String: Any] {
        var config = config
        config["spec"] = try JSONSerialization.jsonObject(with: try Self.encoder.encode(hinted))
        return config
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }
}
