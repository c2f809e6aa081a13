import Crypto
import Foundation

/// SHA-256 digests of input files, recorded in a table's provenance (and of tables, in run configs).
public enum SHA256Digest {
    /// The hex SHA-256 of a file's bytes, read in 1 MiB pieces.
    public static func hex(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw OracleError.badInput("cannot open \(path)")
        }
        defer { try? handle.close() }
        var hasher = Crypto.SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The hex SHA-256 of a string's UTF-8 bytes.
    public static func hex(of text: String) -> String {
        Crypto.SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
