import ArgumentParser
import Foundation
import NASExperiments
import NASTensor

/// The `nasbench` command: a thin layer of argument parsing over the libraries.
struct NASBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nasbench",
        abstract: "Tabular NAS benchmarks in HDF5: import, inspect, query, search, predictors.",
        discussion: """
            Tables hold one row per cell and one column per dataset.split.metric[.eEPOCHS][.seedK][.@DEVICE],
            e.g. cifar10-valid.valid.accuracy.e200. Queries name the dataset, split and epochs explicitly.
            """,
        version: "0.1.0",
        subcommands: [
            Import.self, Info.self, Query.self, Top.self, Verify.self, Search.self, Predictors.self, RWE.self, Moo.self,
            Merge.self, Slurm.self, Regress.self, Conet.self, MetaD2A.self,
            Summarize.self,
        ])
}

@main
enum Main {
    static func main() {
        AllocatorTuning.keepFreedBlocksForReuse()
        var command: ParsableCommand
        do {
            command = try NASBench.parseAsRoot()
        } catch {
            fail(error)
        }
        do {
            try command.run()
        } catch {
            fail(error)
        }
    }

    /// Every error ends the same way: `--help` and `--version` print as the parser prints them;
    /// anything else, a bad flag or value as much as a missing file, is one line on stderr,
    /// `nasbench: error: ...`, and a non-zero exit (64 for usage errors, 1 otherwise).
    static func fail(_ error: Error) -> Never {
        let code = NASBench.exitCode(for: error)
        if code == .success { NASBench.exit(withError: error) }
        let text = (error is ExperimentError ? nil : ExperimentError.fileErrorMessage(error)) ?? NASBench.message(for: error)
        let message = text.split(separator: "\n").joined(separator: " ")
        FileHandle.standardError.write(Data("nasbench: error: \(message)\n".utf8))
        Foundation.exit(code.rawValue)
    }
}
