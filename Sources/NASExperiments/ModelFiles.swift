import Foundation
import NASCore
import NASTensor
import NASTensorState

/// The two files of a trained MetaD2A model in a run folder (a JSON description beside the
/// weights in the engine's module-state format), found from the folder or the weights' path.
enum ModelFiles {
    /// `(description, weights)` paths for `path`, a folder holding both or the weights file.
    static func locate(_ path: String, description: String, weights: String, what: String) throws -> (String, String) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ExperimentError.badInput("\(what) \(path): no such file or folder")
        }
        let folder = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        let weightsPath = isFolder.boolValue ? (folder as NSString).appendingPathComponent(weights) : path
        let descriptionPath = (folder as NSString).appendingPathComponent(description)
        for needed in [weightsPath, descriptionPath] where !FileManager.default.fileExists(atPath: needed) {
            throw ExperimentError.badInput("\(what) \(path): \(needed) is missing (is the run finished?)")
        }
        return (descriptionPath, weightsPath)
    }

    /// The description and the module it describes, from a run folder or its weights file:
    /// `make` builds the module (any initialisation: every weight is then loaded).
    static func load<Description: Decodable, Model: Module>(_ path: String, description: String, weights: String, what: String,
                                                            make: (Description) -> Model) throws -> (Description, Model) {
        let (descriptionPath, weightsPath) = try locate(path, description: description, weights: weights, what: what)
        let value: Description = try decode(descriptionPath)
        let module = make(value)
        try loadWeights(module, from: weightsPath)
        return (value, module)
    }

    static func decode<T: Decodable>(_ path: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw ExperimentError.corruptResults(path: path, why: "not a model description of this kind (\(error))".oneLine)
        }
    }

    static func loadWeights(_ module: some Module, from path: String) throws {
        do { try module.loadState(from: path) } catch { throw ExperimentError.corruptResults(path: path, why: "\(error)") }
    }

    /// Sorted-key JSON text of `value`, with a final newline.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
