import NASCore
/// Failures reading IDX files.
public enum IDXError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened.
    case cannotOpen(String)
    /// Decompression failed or the file ended early.
    case readFailed(String)
    /// The header is not a valid IDX header.
    case badHeader(String)
    /// The element type is not unsigned bytes (0x08).
    case unsupportedType(UInt8)

    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .cannotOpen(let p): return "IDX: cannot open \(p)"
        case .readFailed(let p): return "IDX: read failed or truncated: \(p)"
        case .badHeader(let p): return "IDX: bad header in \(p)"
        case .unsupportedType(let t): return "IDX: unsupported element type 0x\(String(t, radix: 16))"
        }
    }
}
