import ArgumentParser
import Foundation
import NASExperiments

struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a search, predictors or rwe experiment as a Slurm job array, then merge it.",
        discussion: """
            Writes OUT/slurm/array.sbatch (task i runs the experiment with --shard i/N --resume) and \
            OUT/slurm/merge.sbatch (nasbench merge OUT, after every task succeeded: --dependency=afterok), submits \
            both with sbatch and prints their job ids. The merged files are byte-identical to a local run. \
            Example: nasbench slurm --shards 8 --partition cpu --time 04:00:00 -- search --spec experiments/weaknas-nb201.yaml \
            --out runs/w. See docs/CLUSTER.md.
            """)

    @Option(help: "Array tasks (shards).")
    var shards: Int

    @Option(help: "Slurm partition (default: the cluster's).")
    var partition: String?

    @Option(help: "Time limit per task, e.g. 04:00:00 (default: the partition's).")
    var time: String?

    @Option(help: "CPUs per task; the experiment's --jobs unless it gives one.")
    var cpusPerTask = 2

    @Option(help: "Memory per task, e.g. 4G (default: the partition's).")
    var mem: String?

    @Option(help: "Job name (default nasbench-COMMAND).")
    var jobName: String?

    @Flag(help: "Print the scripts and the sbatch commands without writing or submitting anything.")
    var dryRun = false

    @Argument(parsing: .postTerminator, help: "After --: the experiment, e.g. search --spec x.yaml --out runs/x.")
    var experiment: [String] = []

    func validate() throws {
        if shards < 1 { throw ValidationError("--shards must be at least 1, got \(shards)") }
        if cpusPerTask < 1 { throw ValidationError("--cpus-per-task must be at least 1, got \(cpusPerTask)") }
    }

    func run() throws {
        let job = try SlurmJob(
            binary: Self.executablePath(), arguments: experiment, shards: shards,
            workingDirectory: FileManager.default.currentDirectoryPath, jobName: jobName, partition: partition, time: time,
            cpusPerTask: cpusPerTask, memory: mem, environment: ProcessInfo.processInfo.environment)
        let arrayPath = (job.slurmFolder as NSString).appendingPathComponent("array.sbatch")
        let mergePath = (job.slurmFolder as NSString).appendingPathComponent("merge.sbatch")
        if dryRun {
            print("# \(arrayPath)\n\(job.arrayScript)\n# \(mergePath)\n\(job.mergeScript)")
            print("sbatch --parsable \(arrayPath)\nsbatch --parsable --dependency=afterok:ARRAY_JOB_ID \(mergePath)")
            return
        }
        try FileManager.default.createDirectory(atPath: job.slurmFolder, withIntermediateDirectories: true)
        try job.arrayScript.write(toFile: arrayPath, atomically: true, encoding: .utf8)
        try job.mergeScript.write(toFile: mergePath, atomically: true, encoding: .utf8)
        let array = try Self.sbatch(["--parsable", arrayPath])
        let merge = try Self.sbatch(["--parsable", "--dependency=afterok:\(array)", mergePath])
        print("submitted job array \(array) (\(shards) tasks) and merge job \(merge); logs in \(job.slurmFolder)")
    }

    /// The running binary's absolute path (what every task runs).
    static func executablePath() -> String {
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// Runs sbatch and returns the job id it prints (`--parsable`: `ID` or `ID;CLUSTER`).
    static func sbatch(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sbatch"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw ExperimentError.badInput("cannot run sbatch: \(error.localizedDescription) (is Slurm installed here?)")
        }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let id = stdout.split(separator: "\n").first?.split(separator: ";").first, !id.isEmpty else {
            let why = stderr.split(separator: "\n").first.map(String.init) ?? "exit \(process.terminationStatus)"
            throw ExperimentError.badInput("sbatch \(arguments.last ?? ""): \(why)")
        }
        return String(id)
    }
}
