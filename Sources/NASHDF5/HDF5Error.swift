import NASCore
import CHDF5

/// An error from libhdf5 or from a file whose layout is not what the caller expected.
public struct HDF5Error: Error, CustomStringConvertible, Sendable {
    /// One line saying what failed and, where libhdf5 said why, its reason.
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { (message).oneLine }

    /// Wraps the innermost message of libhdf5's error stack, if any, after `context`.
    static func library(_ context: String) -> HDF5Error {
        var buffer = [CChar](repeating: 0, count: 256)
        nb_h5_last_error(&buffer)
        let reason = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return HDF5Error(reason.isEmpty ? context : "\(context): \(reason)")
    }
}

/// Calls libhdf5 and throws `HDF5Error` when it returns a negative status or id.
@discardableResult
func check<T: BinaryInteger>(_ status: T, _ context: @autoclosure () -> String) throws -> T {
    if status < 0 { throw HDF5Error.library(context()) }
    return status
}
