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

    @Option(help: "rwe runs: also write intervals.csv, 95% bootstrap intervals of each score's tau and of tau(rwe_accuracy) - tau(baseline), from this many resamples.")
    var bootstrap: Int?

    @Option(help: "Seed of the bootstrap resamples (default 0).")
    var bootstrapSeed: UInt64 = 0

    func validate() throws {
        if let bootstrap, bootstrap < 1 { throw ValidationError("--bootstrap must be at least 1, got \(bootstrap)") }
    }

    func run() throws {
        print(try Self.summarize(folder, wide: wide, bootstrap: bootstrap, bootstrapSeed: bootstrapSeed), terminator: "")
    }

    /// Writes the summary files of the run in `folder` and returns its summary as text.
    static func summarize(_ folder: String, wide: Bool = false, bootstrap: Int? = nil, bootstrapSeed: UInt64 = 0) throws -> String {
        let kind = ExperimentKind(folder: folder)
        if bootstrap != nil, kind != .rwe { throw ValidationError("--bootstrap applies to rwe runs only (\(folder) is not one)") }
        switch kind {
        case .predictors:
            let summary = try PredictorSummaryTable(folder: folder)
            try summary.write(to: folder)
            return summary.text
        case .rwe:
            let summary = try RWESummaryTable(folder: folder)
            try summary.write(to: folder)
            var text = summary.text
            if summary.repeats > 1 {
                let noise = try RWENoiseTable(folder: folder)
                try noise.write(to: folder)
                text += noise.text
            }
            if let bootstrap {
                let intervals = try RWEIntervalTable(summary: summary, resamples: bootstrap, seed: bootstrapSeed)
                try intervals.write(to: folder)
                text += intervals.text
            }
            return text
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
