import ArgumentParser
import NASExperiments

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Join the shards of a search, predictors or rwe run (shard-I-of-N folders) and write its summary.")

    @Argument(help: "The run's --out folder.")
    var folder: String

    func run() throws {
        switch ExperimentKind(folder: folder) {
        case .predictors:
            try ResultsMerger(files: PredictorExperiment.files(folder: folder)).merge()
        case .rwe:
            try ResultsMerger(files: RWEExperiment.files(folder: folder)).merge()
        case .search, nil:
            try ResultsMerger(files: SearchExperiment.files(folder: folder)).merge()
        }
        print(try Summarize.summarize(folder), terminator: "")
    }
}
