import Foundation

/// One folder per process for the file targets' inputs, removed at exit; in /dev/shm when it
/// exists, so a million executions do not wear a disk.
enum ScratchFile {
    private static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(base)/nasbench-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ScratchFile.folder) }
        return path
    }()

    static func path(name: String) -> String { "\(folder)/\(name)" }

    /// Writes `bytes` to the scratch file `name` (replacing it) and returns its path.
    static func write(_ bytes: some Collection<UInt8>, name: String) -> String {
        let path = path(name: name)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("nasbench-fuzz: cannot write the scratch file \(path)")
        }
        return path
    }

    static func write(_ bytes: UnsafeRawBufferPointer, name: String) -> String {
        write(bytes.bindMemory(to: UInt8.self), name: name)
    }
}
