import CZlib

/// An IDX file (the MNIST format) of unsigned bytes: a shape and raw values.
///
/// Reads gzip-compressed or plain files (zlib's `gzread` passes plain files
/// through unchanged).
public struct IDXFile: Sendable {
    /// Dimensions from the header, outermost first.
    public let shape: [Int]
    /// The values in row-major order.
    public let bytes: [UInt8]

    /// Reads and parses `path`.
    public init(path: String) throws {
        let raw = try IDXFile.readAll(path)
        guard raw.count >= 4, raw[0] == 0, raw[1] == 0 else { throw IDXError.badHeader(path) }
        guard raw[2] == 0x08 else { throw IDXError.unsupportedType(raw[2]) }
        let dims = Int(raw[3])
        guard raw.count >= 4 + 4 * dims else { throw IDXError.badHeader(path) }
        var shape: [Int] = []
        for d in 0..<dims {
            let o = 4 + 4 * d
            shape.append(Int(raw[o]) << 24 | Int(raw[o + 1]) << 16 | Int(raw[o + 2]) << 8 | Int(raw[o + 3]))
        }
        // The shape is the file's claim: its product may overflow, and must equal the bytes present.
        let start = 4 + 4 * dims
        var count = 1
        for size in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { throw IDXError.badHeader(path) }
            count = product
        }
        guard raw.count - start == count else { throw IDXError.readFailed(path) }
        self.shape = shape
        self.bytes = Array(raw[start...])
    }

    /// The whole (decompressed) content of `path`.
    static func readAll(_ path: String) throws -> [UInt8] {
        guard let file = gzopen(path, "rb") else { throw IDXError.cannotOpen(path) }
        defer { gzclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if n < 0 { throw IDXError.readFailed(path) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<Int(n)])
        }
        return out
    }
}
