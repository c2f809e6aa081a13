import ArgumentParser
import NASExperiments

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the shards of a search run (shard-I-of-N folders) and write its summary.")

    @Argument(help: "The run's --out folder.")
    var folder: String

    func run() throws {
        try ResultsMerger(files: SearchExperiment.files(folder: folder)).merge()
        let summary = try SearchSummaryTable(folder: folder)
        try summary.write(to: folder)
        try SearchCurves(folder: folder).write(to: folder)
        print(summary.text, terminator: "")
    }
}
