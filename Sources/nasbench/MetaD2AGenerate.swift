import ArgumentParser
import Foundation
import NASExperiments

/// `nasbench metad2a generate`: cells for a dataset, ranked by the meta-predictor.
struct MetaD2AGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate NB201 cells for a dataset with a trained generator and rank them with the meta-predictor.",
        discussion: """
            Decodes from fresh set draws of --features (z = mu, sampled decoding) until --count unique valid cells \
            (at most --max-attempts decodes), ranks them by the predictor averaged over --set-draws set draws, and \
            writes ranked.csv and summary.json (validity, uniqueness, novelty; with --table, the test accuracy of each \
            cell, 200 epochs, seed mean, and the max/top-1/top-10-mean among the top --top) in --out.
            """)

    static let defaults = GenerationSpec()

    @Option(help: "A train-generator run folder, or its generator.h5.")
    var generator: String

    @Option(help: "A train-predictor run folder, or its predictor.h5.")
    var predictor: String

    @Option(help: "The dataset's feature file (metad2a encode).")
    var features: String

    @Option(help: "Unique valid cells to generate (default \(defaults.count)).")
    var count: Int?

    @Option(help: "Ranked cells the summary scores (default \(defaults.top)).")
    var top: Int?

    @Option(help: "Set draws the predictor's score is averaged over (default \(defaults.setDraws)).")
    var setDraws: Int?

    @Option(help: "Decodes allowed (default 100 x --count).")
    var maxAttempts: Int?

    @Option(help: "Where the cells come from: generator (MetaD2A) or random (uniform NB201 cells, a baseline).")
    var cells: GenerationSpec.Cells?

    @Option(help: "Order of the cells for the top: predictor (MetaD2A) or none (as they came: the generator alone, or random best-of-top).")
    var ranking: GenerationSpec.Ranking?

    @Flag(help: "The dataset-blind control: z and the predictor's dataset embedding are the means over the meta-training tasks (--db, --training-features).")
    var datasetBlind = false

    @Option(help: "The meta-training database (for --dataset-blind).")
    var db: String?

    @Option(parsing: .upToNextOption, help: "The feature files of the database's image sets (for --dataset-blind).")
    var trainingFeatures: [String] = []

    @Option(help: "Seed (default \(defaults.seed)).")
    var seed: UInt64?

    @Option(help: "An NB201 nasbench table to score the cells with.")
    var table: String?

    @Option(help: "The table's dataset: DATASET.test.accuracy.e200 is looked up (default \(defaults.dataset)).")
    var dataset: String?

    @Option(help: "Output folder.")
    var out: String

    func run() throws {
        var spec = Self.defaults
        if let count { spec.count = count }
        if let top { spec.top = top }
        if let setDraws { spec.setDraws = setDraws }
        if let maxAttempts { spec.maxAttempts = maxAttempts }
        if let seed { spec.seed = seed }
        if let cells { spec.cells = cells }
        if let ranking { spec.ranking = ranking }
        spec.datasetBlind = datasetBlind
        let training = db.map { GenerationRun.TrainingTasks(database: $0, features: trainingFeatures) }
        if let dataset { spec.dataset = dataset }
        try spec.validate()
        let scoring = try table.map { try GenerationRun.scoring(table: $0, dataset: spec.dataset) }
        let s = try GenerationRun.run(spec, generator: generator, predictor: predictor, features: features, scoring: scoring,
                                    training: training, out: out)
        var line = "\(s.unique) unique valid cells of \(s.requested) from \(s.decoded) decodes: validity \(MetaD2ATrainPredictor.fixed(s.validity)), "
            + "uniqueness \(MetaD2ATrainPredictor.fixed(s.uniqueness)), novelty \(MetaD2ATrainPredictor.fixed(s.novelty))"
        if let column = s.tableColumn {
            line += "; \(column) among the top \(s.top): max \(MetaD2ATrainPredictor.fixed(s.topMaxAccuracy ?? .nan)), top-1 "
                + "\(MetaD2ATrainPredictor.fixed(s.top1Accuracy ?? .nan)), top-10 mean \(MetaD2ATrainPredictor.fixed(s.top10MeanAccuracy ?? .nan))"
                + " (table optimum \(MetaD2ATrainPredictor.fixed(s.tableOptimum ?? .nan)))"
        }
        print(line + "; \(out)/ranked.csv")
    }
}

extension GenerationSpec.Cells: ExpressibleByArgument {}
extension GenerationSpec.Ranking: ExpressibleByArgument {}
