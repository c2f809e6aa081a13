import NASCore

/// A bad image-encoder layout or input, in one line.
public struct ImageEncoderError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message.oneLine }
}
