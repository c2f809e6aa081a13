import Foundation
import Yams

/// A hyperparameter file given with `--config`: JSON (`.json`) or YAML (`.yaml`, `.yml`).
///
/// YAML is read with Yams and converted to the equivalent JSON document, so both formats go
/// through the same decoder and the same unknown-key check. Plain (unquoted) YAML scalars are
/// typed the way a researcher writes them: `null`/`~`, `true`/`false`, integers, and numbers in
/// any notation Swift's `Double` parses (`1e-4` too, which YAML 1.1 would leave a string);
/// quoted scalars stay strings.
public enum ConfigFile {
    /// The file's content as JSON data.
    ///
    /// - Throws: ``ExperimentError/badInput(_:)`` for an unreadable file, an unknown extension
    ///   or malformed YAML, naming the file.
    public static func jsonData(path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExperimentError.badInput("cannot read --config \(path)")
        }
        let lower = path.lowercased()
        if lower.hasSuffix(".json") { return data }
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") else {
            throw ExperimentError.badInput("--config \(path): expected a .json, .yaml or .yml file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ExperimentError.badInput("--config \(path): not UTF-8 text")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            let line = "\(error)".split(separator: "\n").first.map(String.init) ?? "malformed YAML"
            throw ExperimentError.badInput("--config \(path): malformed YAML: \(line)")
        }
        let object = try node.map { try value(of: $0, path: path) } ?? [String: Any]()
        guard object is [String: Any] else {
            throw ExperimentError.badInput("--config \(path): expected a mapping of predictor names at the top level")
        }
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// The JSON-compatible value of a YAML node.
    private static func value(of node: Node, path: String) throws -> Any {
        switch node {
        case let .mapping(mapping):
            var object: [String: Any] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string else {
                    throw ExperimentError.badInput("--config \(path): keys must be plain strings")
                }
                object[name] = try self.value(of: value, path: path)
            }
            return object
        case let .sequence(sequence):
            return try sequence.map { try value(of: $0, path: path) }
        case let .scalar(scalar):
            return typed(scalar)
        case .alias:
            throw ExperimentError.badInput("--config \(path): YAML aliases are not supported")
        }
    }

    /// A scalar typed as described above.
    private static func typed(_ scalar: Node.Scalar) -> Any {
        let text = scalar.string
        guard scalar.style == .plain else { return text }
        switch text {
        case "null", "Null", "NULL", "~", "": return NSNull()
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: break
        }
        if let integer = Int(text) { return integer }
        if let number = Double(text), number.isFinite, text.contains(where: \.isNumber) { return number }
        return text
    }
}
