import Foundation
import NASCore
import NASSpaces

/// Builds a MetaD2A meta-training database: `tasks` tasks (``MetaTask``), `cellsPerTask` distinct
/// NB201 cells per task (uniform, from `TrialSeed.derive(base: seed, trial: task, stream: 2)`),
/// and for each (task, cell) the label of ``MetaLabelRecipe`` with seed `TrialSeed.derive(base:
/// seed, trial: label, stream: 3)`. Label `i` is task `i / cellsPerTask`, cell `i % cellsPerTask`;
/// labels are the trials of a ``TrialRunner`` (resumable, shardable with `nasbench metad2a merge`).
///
/// Writes in `out`: `labels.csv` (byte-reproducible), `seconds.csv` (wall seconds per label, the
/// one file that differs between runs; its row marks the label finished), `config.json`, and,
/// once every label is in, `tasks.json` and `metad2a-db.h5` (docs/METAD2A.md).
public struct MetaD2ADatabase: Sendable {
    public static let labelsHeader = ["task", "cell", "arch", "arch_rank", "seed", "accuracy"]
    public static let fileName = "metad2a-db.h5"

    public let spec: MetaD2ADatabaseSpec
    public let pool: MetaTaskPool
    public let tasks: [MetaTask]
    /// Per task, its cells in order.
    public let cells: [[NB201Cell]]

    /// Checks `spec` against `pool` and draws the tasks and cells.
    public init(spec: MetaD2ADatabaseSpec, pool: MetaTaskPool) throws {
        try spec.validate()
        guard pool.members.map(\.source) == spec.sources else {
            throw ExperimentError.badInput("the task pool does not hold the spec's sources in order")
        }
        try pool.check(spec.shape)
        self.spec = spec
        self.pool = pool
        tasks = try (0..<spec.tasks).map { try MetaTask.sample(index: $0, seed: spec.seed, pool: pool, shape: spec.shape) }
        cells = (0..<spec.tasks).map { Self.cells(task: $0, spec: spec) }
    }

    /// Task `task`'s cells: distinct, uniform over the 15,625 (or the spec's given cells).
    static func cells(task: Int, spec: MetaD2ADatabaseSpec) -> [NB201Cell] {
        if let given = spec.cells { return given.compactMap { try? NB201Space().parse($0) } }
        var rng = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: task, stream: 2))
        return rng.sampleIndices(spec.cellsPerTask, from: NB201Cell.count).compactMap { NB201Cell(rank: $0) }
    }

    public static func files(folder: String) -> RunFiles {
        RunFiles(folder: folder, detailName: "labels.csv", summaryName: "seconds.csv", detailHeader: labelsHeader,
                 summaryHeader: ["seconds"])
    }

    /// The resolved configuration: the spec and the pool's image sets by content.
    public func config() throws -> [String: Any] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let specObject = try JSONSerialization.jsonObject(with: try encoder.encode(spec.hinted))
        let sources: [[String: Any]] = pool.members.map {
            ["name": $0.source.rawValue, "images": $0.images.count, "classes": $0.classImages.count, "sha256": $0.digest]
        }
        return ["experiment": MetaD2ADatabaseSpec.experiment, "spec": specObject, "sources": sources,
                "recipe": "NB201Network trained by MetaLabelRecipe; label = validation top-1 accuracy (%)"]
    }

    /// The label of trial `label`: its CSV row and wall seconds.
    public func label(_ label: Int) throws -> TrialOutput {
        let t = label / spec.cellsPerTask, k = label % spec.cellsPerTask
        let cell = cells[t][k]
        let seed = TrialSeed.derive(base: spec.seed, trial: label, stream: 3)
        let clock = Date()
        let accuracy = try MetaLabelRecipe.trainLabel(cell: cell, task: try tasks[t].images(from: pool), settings: spec.label, seed: seed)
        let seconds = Date().timeIntervalSince(clock)
        let row = CSVLine.join(["\(t)", "\(k)", cell.description, "\(cell.rank)", "\(seed)", CSVLine.number(accuracy)])
        return TrialOutput(rows: [row], summary: String(format: "%.3f", seconds))
    }

    /// Runs (or resumes) this shard's labels in `out`; when the whole database is in (an
    /// unsharded run), writes `tasks.json` and the HDF5 file. Returns the labels run now.
    @discardableResult
    public func run(out: String, shard: Shard = .all, jobs: Int = 1, resume: Bool) throws -> Int {
        let runner = try TrialRunner(files: Self.files(folder: out), config: try config(), trials: spec.labelCount, shard: shard,
                                     jobs: jobs, resume: resume)
        runner.progressLabel = "labels"
        let ran = try runner.run { [self] in try label($0) }
        if shard.count == 1 { try finish(out: out) }
        return ran
    }

    /// Writes `tasks.json` and `metad2a-db.h5` from the finished `labels.csv` in `out`.
    public func finish(out: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let tasksText = "[\n" + (try tasks.map { String(decoding: try encoder.encode($0), as: UTF8.self) }).joined(separator: ",\n") + "\n]\n"
        try ResultsStore.writeAtomically(tasksText, to: (out as NSString).appendingPathComponent("tasks.json"))
        let rows = try MetaD2ADatabaseFile.readLabels((out as NSString).appendingPathComponent("labels.csv"), count: spec.labelCount)
        let configText = try String(contentsOfFile: (out as NSString).appendingPathComponent("config.json"), encoding: .utf8)
        try MetaD2ADatabaseFile(spec: spec, tasks: tasks, labels: rows, provenance: configText)
            .write(to: (out as NSString).appendingPathComponent(Self.fileName))
    }
}
