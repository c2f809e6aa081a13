import ArgumentParser
import NASExperiments

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute a run's summary.csv and print it: a search run's queries to the optimum per strategy "
            + "(and curves.csv), a predictors run's scores per predictor and train size, or an rwe run's rank "
            + "correlations per score.")

    @Argument(help: "The run's --out folder.")
    var folder: String

    func run() throws {
        try Self.summarize(folder)
    }

    /// Writes the summary files of the run in `folder` and prints its summary.
    static func summarize(_ folder: String) throws {
        switch ExperimentKind(folder: folder) {
        case .predictors:
            let summary = try PredictorSummaryTable(folder: folder)
            try summary.write(to: folder)
            print(summary.text, terminator: "")
        case .rwe:
            let summary = try RWESummaryTable(folder: folder)
            try summary.write(to: folder)
            print(summary.text, terminator: "")
        case .search, nil:
            let summary = try SearchSummaryTable(folder: folder)
            try summary.write(to: folder)
            try SearchCurves(folder: folder).write(to: folder)
            print(summary.text, terminator: "")
        }
    }
}
