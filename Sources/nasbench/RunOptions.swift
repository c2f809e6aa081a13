import ArgumentParser
import Foundation
import NASExperiments

/// The options of every seeded, resumable, shardable experiment (`search`, `predictors`, `rwe`),
/// declared once, and the one path that runs it: trials through a `TrialRunner`, then either the
/// shard's hand-over message or the run's summary.
struct RunOptions: ParsableArguments {
    @Option(help: "Base seed; every trial's (or cell's) seed derives from it (default 0).")
    var seed: UInt64?

    @Option(help: "Worker threads (default 2; rwe: 1, since each cell's network already runs on both cores).")
    var jobs: Int?

    @Option(
        help: ArgumentHelp("Run only shard i of n: trials t with t % n == i (e.g. a Slurm array task; then `nasbench merge`).",
                           valueName: "i/n"),
        transform: { try Shard(parsing: $0) })
    var shard: Shard = .all

    @Flag(help: "Continue the run in --out where it stopped (the configuration must match).")
    var resume = false

    @Option(help: "Output folder (required to run).")
    var out: String?

    /// `--out`, which every run needs (only `--print-spec` runs nothing).
    func folder() throws -> String {
        guard let out else { throw ValidationError("Missing expected argument '--out <out>'") }
        return out
    }

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    /// Runs the pending trials of `spec`'s experiment (`config.json` = `config` with the spec),
    /// then prints the shard's hand-over message, or (whole run) the text `summarize` returns
    /// after it has written the summary files.
    func execute(
        spec: some ExperimentSpec, files: RunFiles, config: [String: Any], trials: Int, defaultJobs: Int = 2,
        progressLabel: String, trial: @escaping @Sendable (Int) throws -> TrialOutput, summarize: () throws -> String
    ) throws {
        let runner = try TrialRunner(
            files: files, config: try spec.recorded(in: config), trials: trials, shard: shard, jobs: jobs ?? defaultJobs,
            resume: resume)
        runner.progressLabel = progressLabel
        _ = try runner.run(trial)
        guard shard.count == 1 else {
            print("shard \(shard) done; when every shard is, run: nasbench merge \(try folder())")
            return
        }
        print(try summarize(), terminator: "")
    }
}
