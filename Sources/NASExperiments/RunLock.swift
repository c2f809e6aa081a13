import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a run folder (`FOLDER/.lock`, `flock`), held while a run writes there, so
/// that two runs given the same `--out` are refused instead of interleaving their rows. The kernel
/// drops the lock when the process ends, however it ends: a killed run leaves no stale lock, and
/// `--resume` can take it at once.
final class RunLock {
    static let fileName = ".lock"
    private let descriptor: Int32

    /// Takes the lock of `folder` (which must exist) or fails at once if another process holds it.
    init(folder: String) throws {
        let path = (folder as NSString).appendingPathComponent(Self.fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ExperimentError.badInput("cannot create the run lock \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            close(fd)
            if reason == EWOULDBLOCK {
                throw ExperimentError.badInput(
                    "another nasbench run is writing to \(folder) (it holds \(path)); wait for it to end or choose another --out")
            }
            throw ExperimentError.badInput("cannot lock \(path): \(String(cString: strerror(reason)))")
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
