import Foundation

/// What one trial produced: its rows for the detail file and one row for the summary file,
/// each a CSV line without the leading `trial` column (the runner adds it).
public struct TrialOutput: Sendable {
    public var rows: [String]
    public var summary: String

    public init(rows: [String], summary: String) {
        self.rows = rows
        self.summary = summary
    }
}

/// The files of a run: a detail CSV (many rows a trial), a summary CSV (one row a trial) and
/// the resolved configuration as JSON, in one folder (a shard's in `shard-I-of-N/` inside it).
public struct RunFiles: Sendable {
    public var folder: String
    public var detailName: String
    public var summaryName: String
    public var detailHeader: [String]
    public var summaryHeader: [String]

    public init(folder: String, detailName: String, summaryName: String, detailHeader: [String], summaryHeader: [String]) {
        self.folder = folder
        self.detailName = detailName
        self.summaryName = summaryName
        self.detailHeader = detailHeader
        self.summaryHeader = summaryHeader
    }

    /// The folder a shard writes to.
    public func folder(for shard: Shard) -> String {
        shard.count == 1 ? folder : (folder as NSString).appendingPathComponent("shard-\(shard.index)-of-\(shard.count)")
    }
}

/// Runs seeded trials on several threads and writes their results incrementally: each trial's
/// rows are appended (and synced) as soon as it and every earlier trial are done, so the files
/// always hold whole trials in trial order. The bytes depend only on the configuration, never
/// on timing; a killed run resumes where it stopped without losing or repeating a row.
public final class TrialRunner: @unchecked Sendable {
    public let files: RunFiles
    public let trials: Int
    public let shard: Shard
    public let jobs: Int
    /// The resolved configuration, stored as `config.json` (sorted keys) beside the results.
    public let config: [String: Any]
    public let resume: Bool
    public var progressLabel = "trials"

    public init(files: RunFiles, config: [String: Any], trials: Int, shard: Shard, jobs: Int, resume: Bool) throws {
        guard trials > 0 else { throw ExperimentError.badInput("--trials must be positive") }
        guard jobs > 0 else { throw ExperimentError.badInput("--jobs must be positive") }
        self.files = files
        self.config = config
        self.trials = trials
        self.shard = shard
        self.jobs = jobs
        self.resume = resume
    }

    /// Runs the trials this shard owns that are not yet in the files; returns how many ran.
    @discardableResult
    public func run(_ trial: @escaping @Sendable (Int) throws -> TrialOutput) throws -> Int {
        let store = try ResultsStore(
            folder: files.folder(for: shard), files: files, config: configJSON(), resume: resume)
        let mine = shard.trials(of: trials)
        let done = try store.completedTrials()
        guard done.count <= mine.count, Array(mine.prefix(done.count)) == done else {
            throw ExperimentError.corruptResults(path: store.folder, why: "its trials \(done.prefix(5))... are not this run's first trials")
        }
        let pending = Array(mine.dropFirst(done.count))
        let progress = Progress(total: pending.count, label: progressLabel)
        let state = RunState(pending: pending)
        let workers = min(jobs, max(1, pending.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let (position, index) = state.next() {
                do {
                    let output = try trial(index)
                    try state.finish(position: position, output: output) { ready in
                        for (t, output) in ready { try store.append(trial: t, output) }
                    }
                    progress.advance()
                } catch {
                    state.fail(error)
                }
            }
        }
        if let error = state.error { throw error }
        return pending.count
    }

    /// The version of the random streams every seeded draw comes from, recorded in each
    /// `config.json` so that a run never resumes with other streams than it started with:
    /// 1 = until 2026-12-03 (uniform floats and normals from the standard library's `random(in:)`),
    /// 2 = NASCore's own draws (`nextUnitFloat`, `nextUnitDouble`, `nextNormal`).
    public static let randomStreams = 2

    func configJSON() throws -> String {
        var object = config
        object["random_streams"] = Self.randomStreams
        if shard.count > 1 { object["shard"] = shard.description }
        object["trials"] = trials
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// Hands out trials to workers and releases finished ones in order.
private final class RunState: @unchecked Sendable {
    private let lock = NSLock()
    private let pending: [Int]
    private var nextPosition = 0
    private var nextToWrite = 0
    private var finished: [Int: TrialOutput] = [:]
    private(set) var error: Error?

    init(pending: [Int]) { self.pending = pending }

    func next() -> (Int, Int)? {
        lock.lock()
        defer { lock.unlock() }
        guard error == nil, nextPosition < pending.count else { return nil }
        defer { nextPosition += 1 }
        return (nextPosition, pending[nextPosition])
    }

    /// Records a finished trial and writes every trial now ready, in order, under the lock.
    func finish(position: Int, output: TrialOutput, write: ([(Int, TrialOutput)]) throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        finished[position] = output
        var ready: [(Int, TrialOutput)] = []
        while let output = finished.removeValue(forKey: nextToWrite) {
            ready.append((pending[nextToWrite], output))
            nextToWrite += 1
        }
        if !ready.isEmpty { try write(ready) }
    }

    func fail(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }
}
