import ArgumentParser
import NASExperiments

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute a run's summary.csv and print it: a search run's queries to the optimum per strategy "
            + "(and curves.csv), a predictors run's scores per predictor and train size, or an rwe run's rank "
            + "correlations per score (and, with several weight initialisations a cell, noise.csv: their agreement).")

    @Argument(help: "The run's --out folder.")
    var folder: String

    @Flag(help: "Search runs: print every column of summary.csv, not just the queries to the optimum.")
    var wide = false

    func run() throws {
        print(try Self.summarize(folder, wide: wide), terminator: "")
    }

    /// Writes the summary files of the run in `folder` and returns its summary as text.
    static func summarize(_ folder: String, wide: Bool = false) throws -> String {
        switch ExperimentKind(folder: folder) {
        case .predictors:
            let summary = try PredictorSummaryTable(folder: folder)
            try summary.write(to: folder)
            return summary.text
        case .rwe:
            let summary = try RWESummaryTable(folder: folder)
            try summary.write(to: folder)
            guard summary.repeats > 1 else { return summary.text }
            let noise = try RWENoiseTable(folder: folder)
            try noise.write(to: folder)
            return summary.text + noise.text
        case .search, nil:
            return try summarizeSearch(folder, wide: wide)
        }
    }

    /// Writes a search run's summary.csv and curves.csv and returns its summary as text.
    static func summarizeSearch(_ folder: String, wide: Bool) throws -> String {
        let summary = try SearchSummaryTable(folder: folder)
        try summary.write(to: folder)
        try SearchCurves(folder: folder).write(to: folder)
        return summary.text(wide: wide)
    }
}
