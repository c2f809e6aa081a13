import ArgumentParser
import NASExperiments

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute a search run's summary.csv (queries to the optimum per strategy) and curves.csv, and print the summary.")

    @Argument(help: "The run's --out folder.")
    var folder: String

    func run() throws {
        let summary = try SearchSummaryTable(folder: folder)
        try summary.write(to: folder)
        try SearchCurves(folder: folder).write(to: folder)
        print(summary.text, terminator: "")
    }
}
