import Foundation

/// The kinds of run a `--out` folder can hold, as recorded in its `config.json` (`experiment`,
/// or `kind` for random-weight evaluation); `merge` and `summarize` dispatch on it.
public enum ExperimentKind: String, CaseIterable, Sendable {
    case search
    case predictors
    case rwe

    /// The kind of the run in `folder`, from its `config.json` or, for a sharded run, its
    /// first shard's; nil when there is none.
    public init?(folder: String) {
        let manager = FileManager.default
        var candidates = [(folder as NSString).appendingPathComponent("config.json")]
        let shards = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("shard-") }.sorted()
        candidates += shards.map { ((folder as NSString).appendingPathComponent($0) as NSString).appendingPathComponent("config.json") }
        for path in candidates {
            guard let data = manager.contents(atPath: path),
                let config = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let name = (config["experiment"] ?? config["kind"]) as? String
            else { continue }
            self.init(rawValue: name)
            return
        }
        return nil
    }
}
