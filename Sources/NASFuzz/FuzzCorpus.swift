import Foundation

/// The committed inputs of each target (`Tests/fuzz/corpus/TARGET/`: seeds and every input that
/// once crashed), replayed by `NASFuzzTests` and by `nasbench-fuzz TARGET FOLDER` in any build.
public enum FuzzCorpus {
    /// Runs `target` on every file named by `paths` (files, or folders read one level deep, in
    /// name order); returns how many inputs ran.
    public static func replay(_ target: FuzzTarget, paths: [String]) throws -> Int {
        var count = 0
        for path in paths {
            for file in try files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: file])
                }
                target.run(data)
                count += 1
            }
        }
        return count
    }

    /// The files of a folder in name order, or the path itself when it is a file.
    public static func files(at path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        guard isFolder.boolValue else { return [path] }
        return try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
            .map { "\(path)/\($0)" }
    }
}
