import ArgumentParser
import Foundation
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
            Merge.self, Regress.self,
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
            NASBench.exit(withError: error)
        }
        do {
            try command.run()
        } catch let error as ExitCode {
            NASBench.exit(withError: error)
        } catch let error as CleanExit {
            NASBench.exit(withError: error)
        } catch let error as ValidationError {
            NASBench.exit(withError: error)
        } catch where String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            // `nasbench SUBCOMMAND --help` arrives here as the parser's own (internal) error type.
            NASBench.exit(withError: error)
        } catch {
            // Library errors print as one line that says what went wrong.
            FileHandle.standardError.write(Data("nasbench: error: \(error)\n".utf8))
            Foundation.exit(1)
        }
    }
}
