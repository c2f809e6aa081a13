import Foundation

/// Joins the shards of a run (`shard-I-of-N/` folders) into the files an unsharded run with the
/// same configuration would have written, byte for byte.
public struct ResultsMerger {
    public let files: RunFiles

    public init(files: RunFiles) { self.files = files }

    /// Merges every shard in `files.folder`; fails if one is missing or incomplete.
    public func merge() throws {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: files.folder)) ?? []
        let shardNames = names.filter { $0.hasPrefix("shard-") }.sorted()
        guard let first = shardNames.first else {
            throw ExperimentError.badInput("\(files.folder) has no shard-I-of-N folders to merge")
        }
        let count = Int(first.split(separator: "-").last ?? "") ?? 0
        let expected = (0..<count).map { "shard-\($0)-of-\(count)" }
        guard count > 0, Set(shardNames) == Set(expected) else {
            let missing = Set(expected).subtracting(shardNames).sorted()
            throw ExperimentError.badInput("\(files.folder): shards missing or mixed (expected \(count), missing: \(missing.joined(separator: ", ")))")
        }
        var configs: [[String: Any]] = []
        var detail: [Int: [Substring]] = [:]
        var summary: [Int: Substring] = [:]
        for name in expected {
            let folder = (files.folder as NSString).appendingPathComponent(name)
            let configPath = (folder as NSString).appendingPathComponent("config.json")
            guard let data = manager.contents(atPath: configPath),
                var config = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { throw ExperimentError.corruptResults(path: configPath, why: "missing or not JSON") }
            config.removeValue(forKey: "shard")
            configs.append(config)
            for line in try lines(folder, files.summaryName) { summary[try trialNumber(line, folder)] = line }
            for line in try lines(folder, files.detailName) { detail[try trialNumber(line, folder), default: []].append(line) }
        }
        let canonical = try JSONSerialization.data(withJSONObject: configs[0], options: [.sortedKeys, .prettyPrinted])
        for config in configs.dropFirst()
        where try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys, .prettyPrinted]) != canonical {
            throw ExperimentError.badInput("\(files.folder): the shards were run with different configurations")
        }
        let trials = configs[0]["trials"] as? Int ?? -1
        guard summary.count == trials, Set(summary.keys) == Set(0..<trials) else {
            throw ExperimentError.badInput("\(files.folder): the shards hold \(summary.count) of \(trials) trials; finish (or --resume) every shard first")
        }
        let header = { (names: [String]) in (["trial"] + names).joined(separator: ",") + "\n" }
        var detailText = header(files.detailHeader)
        var summaryText = header(files.summaryHeader)
        for t in 0..<trials {
            for line in detail[t] ?? [] { detailText += line + "\n" }
            summaryText += (summary[t] ?? "") + "\n"
        }
        try ResultsStore.writeAtomically(detailText, to: (files.folder as NSString).appendingPathComponent(files.detailName))
        try ResultsStore.writeAtomically(summaryText, to: (files.folder as NSString).appendingPathComponent(files.summaryName))
        try ResultsStore.writeAtomically(
            String(decoding: canonical, as: UTF8.self) + "\n", to: (files.folder as NSString).appendingPathComponent("config.json"))
    }

    private func lines(_ folder: String, _ name: String) throws -> [Substring] {
        let path = (folder as NSString).appendingPathComponent(name)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ExperimentError.corruptResults(path: path, why: "missing")
        }
        return Array(text.split(separator: "\n").dropFirst())
    }

    private func trialNumber(_ line: Substring, _ folder: String) throws -> Int {
        guard let t = Int(line.prefix { $0 != "," }) else {
            throw ExperimentError.corruptResults(path: folder, why: "a row does not start with a trial number")
        }
        return t
    }
}
