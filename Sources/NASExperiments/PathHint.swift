import Foundation

/// How a run's `config.json` names an input file, so that two checkouts record the same name and
/// a committed run resumes from either (the scripts in experiments/ run from the checkout's root):
/// a relative path as given (e.g. `data/cache/nb201.h5`, `../shared/data/...`), an absolute path
/// below the working directory relative to it, any other absolute path as it is. The file's
/// content is identified by its SHA-256 where the experiment records one.
public enum PathHint {
    /// `path` as recorded (see ``PathHint``).
    public static func hint(for path: String) -> String {
        guard path.hasPrefix("/") else {
            var relative = Substring(path)
            while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
            return String(relative)
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
