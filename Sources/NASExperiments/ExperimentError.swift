import NASCore
import NASHDF5
import Foundation

/// Errors of experiment runs. Each says what to do.
public enum ExperimentError: Error, CustomStringConvertible, Equatable {
    case badInput(String)
    case configMismatch(path: String, field: String)
    case corruptResults(path: String, why: String)
    /// The file system refused a write (full disk, read-only folder, ...); earlier results are intact.
    case cannotWrite(path: String, why: String)
    /// A single output file (not a run's trials) could not be written; nothing else was changed.
    case cannotWriteFile(path: String, why: String)

    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .badInput(let why):
            return why
        case .configMismatch(let path, let field):
            return "\(path) holds a run with a different configuration (\(field) differs): use another --out folder, or the same settings to resume"
        case .corruptResults(let path, let why):
            return "\(path): \(why)"
        case .cannotWrite(let path, let why):
            return "cannot write \(path): \(why); the trials written before are intact, and --resume continues once it can write"
        case .cannotWriteFile(let path, let why):
            return "cannot write \(path): \(why)"
        }
    }
}

extension ExperimentError {
    /// Writes one output file by `write` after creating its folder; a failure becomes
    /// `cannotWriteFile` with a one-line reason.
    static func writingFile(_ path: String, _ write: () throws -> Void) throws {
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try write()
        } catch let error as HDF5Error {
            throw ExperimentError.cannotWriteFile(path: path, why: error.message)
        } catch {
            throw ExperimentError.cannotWriteFile(path: path, why: systemReason(error))
        }
    }

    /// Runs a file-system step, turning Foundation's error into `cannotWrite` with the system's
    /// one-line reason (e.g. "No space left on device").
    static func writing<T>(_ path: String, _ step: () throws -> T) throws -> T {
        do {
            return try step()
        } catch let error as ExperimentError {
            throw error
        } catch {
            throw ExperimentError.cannotWrite(path: path, why: systemReason(error))
        }
    }

    /// The POSIX reason under a Foundation error, else its description on one line.
    public static func systemReason(_ error: Error) -> String {
        var current = error as NSError
        while let underlying = current.userInfo[NSUnderlyingErrorKey] as? Error { current = underlying as NSError }
        if current.domain == NSPOSIXErrorDomain, let message = strerror(Int32(current.code)) {
            return String(cString: message)
        }
        return current.localizedDescription.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// A Foundation file error as `path: reason` (nil for any other error).
    public static func fileErrorMessage(_ error: Error) -> String? {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain else { return nil }
        let reason = systemReason(error)
        guard let path = ns.userInfo[NSFilePathErrorKey] as? String ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path else {
            return reason
        }
        return "\(path): \(reason)"
    }
}
