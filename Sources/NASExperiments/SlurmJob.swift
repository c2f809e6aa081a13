import Foundation

/// A sharded experiment as Slurm jobs: a job array whose task `i` runs the experiment with
/// `--shard i/n --resume` (so a failed or requeued task continues where it stopped), and a job
/// that runs `nasbench merge` once every task has succeeded (`--dependency=afterok`). Both scripts
/// and their logs live in `OUT/slurm/`. See docs/CLUSTER.md.
public struct SlurmJob: Sendable {
    /// The experiments that run as seeded, resumable trials (and so can be sharded).
    public static let shardable = ExperimentKind.allCases.map(\.rawValue)
    /// Environment variables passed to every task when they are set where the job is submitted.
    public static let passedEnvironment = [
        "NASBENCH_DATA", "NASBENCH_TENSOR_BACKEND", "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
        "OMP_NUM_THREADS",
    ]

    /// The `nasbench` binary the tasks run (on a cluster: a path every node sees).
    public var binary: String
    /// The experiment's command line after `nasbench`, e.g. `search --spec x.yaml --out runs/x`.
    public var arguments: [String]
    public var shards: Int
    /// Where the tasks run (relative paths in `arguments` are relative to it).
    public var workingDirectory: String
    public var jobName: String
    public var partition: String?
    /// Slurm's time limit per task, e.g. `02:00:00`.
    public var time: String?
    public var cpusPerTask: Int
    /// Slurm's memory per task, e.g. `4G`.
    public var memory: String?
    /// The variables of ``passedEnvironment`` that are set, with their values.
    public var environment: [String: String]
    /// The run's `--out` folder, from `arguments`.
    public let out: String

    public init(binary: String, arguments: [String], shards: Int, workingDirectory: String, jobName: String? = nil,
                partition: String? = nil, time: String? = nil, cpusPerTask: Int = 2, memory: String? = nil,
                environment: [String: String] = [:]) throws {
        guard let command = arguments.first, Self.shardable.contains(command) else {
            throw ExperimentError.badInput(
                "slurm runs a sharded experiment: give one of \(Self.shardable.joined(separator: ", ")) and its options after --")
        }
        guard shards >= 1 else { throw ExperimentError.badInput("--shards must be at least 1, got \(shards)") }
        guard cpusPerTask >= 1 else { throw ExperimentError.badInput("--cpus-per-task must be at least 1, got \(cpusPerTask)") }
        for flag in ["--shard", "--resume"] where arguments.contains(where: { $0 == flag || $0.hasPrefix(flag + "=") }) {
            throw ExperimentError.badInput("leave out \(flag): every task runs its own --shard i/\(shards) with --resume")
        }
        guard let out = Self.value(of: "--out", in: arguments) else {
            throw ExperimentError.badInput("the experiment needs --out (a folder every node sees)")
        }
        self.binary = binary
        self.arguments = arguments
        self.shards = shards
        self.workingDirectory = workingDirectory
        self.jobName = jobName ?? "nasbench-\(command)"
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.environment = environment.filter { Self.passedEnvironment.contains($0.key) }
        self.out = out
    }

    /// The folder of the scripts and logs.
    public var slurmFolder: String { (out as NSString).appendingPathComponent("slurm") }

    /// The job array's script.
    public var arrayScript: String {
        var task = [binary] + arguments + ["--shard", "$SLURM_ARRAY_TASK_ID/\(shards)", "--resume"]
        if Self.value(of: "--jobs", in: arguments) == nil { task += ["--jobs", "\(cpusPerTask)"] }
        return header(name: jobName, log: "task-%a.log", cpus: cpusPerTask, extra: ["--array=0-\(shards - 1)"])
            + "exec " + task.map(Self.quoted).joined(separator: " ") + "\n"
    }

    /// The merge job's script.
    public var mergeScript: String {
        header(name: jobName + "-merge", log: "merge.log", cpus: 1, extra: ["--kill-on-invalid-dep=yes"])
            + "exec " + [binary, "merge", out].map(Self.quoted).joined(separator: " ") + "\n"
    }

    private func header(name: String, log: String, cpus: Int, extra: [String]) -> String {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=\(name)"] + extra.map { "#SBATCH \($0)" } + [
            "#SBATCH --cpus-per-task=\(cpus)", "#SBATCH --ntasks=1",
            "#SBATCH --chdir=\(workingDirectory)",
            "#SBATCH --output=\((slurmFolder as NSString).appendingPathComponent(log))",
        ]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        lines.append("set -euo pipefail")
        lines += environment.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quoted($0.value))" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` for bash: as it is when it holds only safe characters, else single-quoted. The array
    /// task's `$SLURM_ARRAY_TASK_ID/N` is left for bash to expand.
    static func quoted(_ text: String) -> String {
        if text.hasPrefix("$SLURM_ARRAY_TASK_ID/") { return "\"\(text)\"" }
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=,:@%+")
        if !text.isEmpty, text.unicodeScalars.allSatisfy(safe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The value of `--name V` or `--name=V` in `arguments`.
    static func value(of name: String, in arguments: [String]) -> String? {
        for (i, argument) in arguments.enumerated() {
            if argument == name, i + 1 < arguments.count { return arguments[i + 1] }
            if argument.hasPrefix(name + "=") { return String(argument.dropFirst(name.count + 1)) }
        }
        return nil
    }
}
