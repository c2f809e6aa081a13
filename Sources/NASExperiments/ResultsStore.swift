import Foundation

/// The on-disk side of a run: creates or reopens the folder, checks the configuration,
/// cuts off any trial that was only partly written, and appends whole trials with fsync.
/// Appends happen under the runner's in-process lock (see `TrialRunner`), one thread at a time; the
/// folder's `RunLock` keeps every other process out while the store lives.
final class ResultsStore: @unchecked Sendable {
    let folder: String
    let files: RunFiles
    private let detailPath: String
    private let summaryPath: String
    /// Held from before the configuration is checked until the store is released.
    private let lock: RunLock

    init(folder: String, files: RunFiles, config: String, resume: Bool) throws {
        self.folder = folder
        self.files = files
        detailPath = (folder as NSString).appendingPathComponent(files.detailName)
        summaryPath = (folder as NSString).appendingPathComponent(files.summaryName)
        let configPath = (folder as NSString).appendingPathComponent("config.json")
        let manager = FileManager.default
        try ExperimentError.writing(folder) { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        lock = try RunLock(folder: folder)
        if manager.fileExists(atPath: configPath) {
            guard resume else {
                throw ExperimentError.badInput("\(folder) already holds results: add --resume to continue that run, or choose another --out")
            }
            let stored = (try? String(contentsOfFile: configPath, encoding: .utf8)) ?? ""
            if stored != config {
                guard Self.isSpecUpgrade(stored: stored, config: config) else {
                    throw ExperimentError.configMismatch(path: configPath, field: Self.firstDifference(stored, config))
                }
                try Self.writeAtomically(config, to: configPath)
            }
        } else {
            try Self.writeAtomically(config, to: configPath)
        }
        try prepare(detailPath, header: files.detailHeader)
        try prepare(summaryPath, header: files.summaryHeader)
    }

    /// Creates a CSV with its header, or cuts an existing one back to its last whole line.
    private func prepare(_ path: String, header: [String]) throws {
        try Self.openAppendable(path, headerLine: (["trial"] + header).joined(separator: ",") + "\n")
    }

    /// Creates the CSV at `path` with `headerLine`, or checks an existing one's header and cuts a
    /// last line a kill left half-written; returns the whole lines kept (the header included).
    @discardableResult
    static func openAppendable(_ path: String, headerLine: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            try writeAtomically(headerLine, to: path)
            return Data(headerLine.utf8)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard data.starts(with: Data(headerLine.utf8)) else {
            throw ExperimentError.corruptResults(path: path, why: "its header is not \(headerLine.dropLast())")
        }
        if let lastNewline = data.lastIndex(of: UInt8(ascii: "\n")), lastNewline + 1 < data.count {
            try truncate(path, to: UInt64(lastNewline + 1))
            return data[...lastNewline]
        }
        return data
    }

    /// Trials whose summary row was written, in file order; detail rows of any later trial
    /// (written before a kill could write its summary) are cut off.
    func completedTrials() throws -> [Int] {
        let done = try trialColumn(summaryPath)
        let doneSet = Set(done)
        let detail = try Data(contentsOf: URL(fileURLWithPath: detailPath))
        var offset = detail.firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? detail.count
        while offset < detail.count {
            let end = detail[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? detail.count
            let field = detail[offset..<end].prefix { $0 != UInt8(ascii: ",") }
            guard let trial = Int(String(decoding: field, as: UTF8.self)) else {
                throw ExperimentError.corruptResults(path: detailPath, why: "a row does not start with a trial number")
            }
            if !doneSet.contains(trial) {
                try Self.truncate(detailPath, to: UInt64(offset))
                break
            }
            offset = end + 1
        }
        return done
    }

    private func trialColumn(_ path: String) throws -> [Int] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").dropFirst().map { line in
            guard let trial = Int(line.prefix { $0 != "," }) else {
                throw ExperimentError.corruptResults(path: path, why: "a row does not start with a trial number")
            }
            return trial
        }
    }

    /// Appends one whole trial: its detail rows, then its summary row, each synced to disk.
    func append(trial: Int, _ output: TrialOutput) throws {
        let prefix = "\(trial),"
        try Self.appendSynced(output.rows.map { prefix + $0 + "\n" }.joined(), to: detailPath)
        try Self.appendSynced(prefix + output.summary + "\n", to: summaryPath)
    }

    static func appendSynced(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ExperimentError.cannotWrite(path: path, why: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        try ExperimentError.writing(path) {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        }
    }

    static func truncate(_ path: String, to length: UInt64) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ExperimentError.cannotWrite(path: path, why: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        try ExperimentError.writing(path) {
            try handle.truncate(atOffset: length)
            try handle.synchronize()
        }
    }

    static func writeAtomically(_ text: String, to path: String) throws {
        try ExperimentError.writing(path) { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) }
    }

    /// A run recorded before `config.json` held its spec (2026-12-03) resumes when everything
    /// else is equal: the spec restates settings the rest of the configuration already pins.
    /// Its `config.json` is then rewritten with the spec.
    static func isSpecUpgrade(stored: String, config: String) -> Bool {
        func object(_ text: String) -> [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        }
        guard let old = object(stored), old["spec"] == nil, var new = object(config), new.removeValue(forKey: "spec") != nil,
              let a = try? JSONSerialization.data(withJSONObject: old, options: [.sortedKeys]),
              let b = try? JSONSerialization.data(withJSONObject: new, options: [.sortedKeys])
        else { return false }
        return a == b
    }

    static func firstDifference(_ a: String, _ b: String) -> String {
        let linesA = a.split(separator: "\n"), linesB = b.split(separator: "\n")
        for (x, y) in zip(linesA, linesB) where x != y {
            return String(y.trimmingCharacters(in: .whitespaces).prefix(80))
        }
        return "length"
    }
}
