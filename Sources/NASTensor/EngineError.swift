import NASCore
import CDNNL

/// A failure of a oneDNN call, naming the operation and the shapes it was given.
///
/// The tensor operations never trap on one: they fall back to the engine's reference
/// implementation and record the error in ``TensorBackend/lastFallback``.
public struct EngineError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The engine operation, e.g. `"conv2d forward"`.
    public let op: String
    /// The shapes and parameters of the call, e.g. `"x [8, 3, 32, 32], w [16, 3, 3, 3], stride 1"`.
    public let shapes: String
    /// The oneDNN call that failed, e.g. `"dnnl_primitive_desc_create"`.
    public let call: String
    /// The raw `dnnl_status_t` value.
    public let status: Int32

    /// The status as oneDNN's enumerator name.
    public var statusName: String {
        switch dnnl_status_t(rawValue: UInt32(bitPattern: status)) {
        case dnnl_out_of_memory: return "out_of_memory"
        case dnnl_invalid_arguments: return "invalid_arguments"
        case dnnl_unimplemented: return "unimplemented"
        case dnnl_iterator_ends: return "iterator_ends"
        case dnnl_runtime_error: return "runtime_error"
        case dnnl_not_required: return "not_required"
        default: return "status \(status)"
        }
    }

    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        "\(op) (\(shapes)): oneDNN \(call) failed with \(statusName)"
    }
}
