import Foundation

extension HDF5File {
    /// Writes a file at `path` atomically: `write` fills a temporary file beside it (named
    /// `.NAME.tmp-PID`), which is then renamed over `path`; on any error the temporary file is
    /// removed and the error rethrown unchanged (callers map it to their own error types).
    public static func writeAtomically(to path: String, _ write: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
        do {
            try write(temporary)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
