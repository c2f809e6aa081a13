import NASCore
/// Errors reading image datasets. Each names the file and what was expected.
public struct DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { (message).oneLine }
}
