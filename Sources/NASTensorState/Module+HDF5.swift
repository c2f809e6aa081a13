import NASCore
import Foundation
import NASHDF5
import NASTensor

/// Errors reading a saved module state.
public struct StateFileError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public var description: String { (message).oneLine }
}

/// Module state in HDF5 (the same library as the benchmark tables): root attributes
/// `format = "nasbench-state"`, `format_version = 1`; one float32 dataset per parameter or
/// buffer in `/state`, named as `state()` names it (e.g. `0.weight`), with its shape.
extension Module {
    /// Writes every parameter and buffer, atomically (temporary file, then rename).
    public func saveState(to path: String) throws {
        do {
            try HDF5File.writeAtomically(to: path) { target in
                let file = try HDF5File.create(target)
                let root = try file.root()
                try root.setAttribute("format", "nasbench-state")
                try root.setAttribute("format_version", 1)
                let group = try root.createGroup("state")
                for (name, tensor) in state().sorted(by: { $0.key < $1.key }) {
                    try group.write(name, tensor.data, shape: tensor.shape.isEmpty ? [1] : tensor.shape, deflate: 0)
                }
                try file.flush()
            }
        } catch {
            throw StateFileError(message: "cannot save module state to \(path): \(error)")
        }
    }

    /// Reads a state written by `saveState(to:)` into this module's parameters and buffers,
    /// checking names and shapes first (a mismatch is an error, nothing is changed).
    public func loadState(from path: String) throws {
        var loaded: [String: Tensor] = [:]
        do {
            let root = try HDF5File.open(path).root()
            guard (try? root.stringAttribute("format")) == "nasbench-state" else {
                throw StateFileError(message: "\(path): not a nasbench module state (root attribute format != 'nasbench-state')")
            }
            let version = try root.integerAttribute("format_version")
            guard version == 1 else {
                throw StateFileError(message: "\(path): state format version \(version) is not supported (expected 1)")
            }
            let group = try root.group("state")
            for name in try group.childNames() {
                let set = try group.dataset(name)
                loaded[name] = Tensor(shape: try set.shape(), data: try set.read(as: Float.self))
            }
        } catch let error as HDF5Error {
            // The HDF5 layer's messages usually name the file already; name it once.
            throw StateFileError(message: error.message.contains(path) ? error.message : "\(path): \(error.message)")
        }
        let mine = namedParameters() + namedBuffers()
        for (name, tensor) in mine {
            guard let source = loaded[name] else {
                throw StateFileError(message: "\(path): no value for '\(name)' (shape \(tensor.shape))")
            }
            let expected = tensor.shape.isEmpty ? [1] : tensor.shape
            guard source.shape == expected else {
                throw StateFileError(message: "\(path): '\(name)' has shape \(source.shape), the module expects \(tensor.shape)")
            }
        }
        let extra = Set(loaded.keys).subtracting(mine.map(\.0)).sorted()
        guard extra.isEmpty else {
            throw StateFileError(message: "\(path): values for parameters this module does not have: \(extra.joined(separator: ", "))")
        }
        for (name, tensor) in mine { tensor.assign(loaded[name]?.data ?? []) }
    }
}
