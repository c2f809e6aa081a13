import ArgumentParser
import Foundation
import NASExperiments

/// `nasbench metad2a train-generator`: the graph VAE trained on (task set, best-of-10 cell) pairs.
struct MetaD2ATrainGenerator: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-generator",
        abstract: "Train MetaD2A's set-conditioned graph generator on a database's tasks and a trained meta-predictor.",
        discussion: """
            Generator data: per task, the best of --candidates random NB201 cells by the --predictor (a train-predictor \
            folder or its predictor.h5), --pairs-per-task times (generator-db.csv). The D-VAE is trained on (task set, \
            cell) pairs: reconstruction + 0.005 KL, noise scaled by 0.01, Adam, ReduceLROnPlateau(0.1, patience 10) on \
            the training loss; held-out tasks scored every epoch at z = mu. --out gets config.json, generator-db.csv, \
            generator.json, epochs.csv, timing.csv, checkpoints (--resume), and at the end generator.h5 and result.json.
            """)

    static let defaults = GeneratorTrainSpec()

    @Option(help: "The database (build-db's metad2a-db.h5).")
    var db: String

    @Option(parsing: .upToNextOption, help: "Feature files, one per image set of the database (metad2a encode).")
    var features: [String]

    @Option(help: "A train-predictor run folder, or its predictor.h5.")
    var predictor: String

    @Option(help: "Epochs (default \(defaults.epochs)).")
    var epochs: Int?

    @Option(help: "Pairs per batch (default \(defaults.batchSize)).")
    var batchSize: Int?

    @Option(help: "Adam's initial learning rate (default \(defaults.learningRate)).")
    var lr: Double?

    @Option(help: "Images per class in a task's set (default \(defaults.numSample)).")
    var numSample: Int?

    @Option(help: "Random cells the predictor picks the best of (default \(defaults.candidates)).")
    var candidates: Int?

    @Option(help: "Generator pairs per task (default \(defaults.pairsPerTask)).")
    var pairsPerTask: Int?

    @Option(help: "Fraction of tasks held out for validation (default \(defaults.heldOutTasks)).")
    var heldOutTasks: Double?

    @Option(help: "Decoder width hs (default \(defaults.hiddenSize)).")
    var hiddenSize: Int?

    @Option(help: "Latent width nz (default \(defaults.latentSize)).")
    var latentSize: Int?

    @Option(help: "Seed (default \(defaults.seed)).")
    var seed: UInt64?

    @Flag(help: "Continue the run in --out where it stopped (the configuration must match).")
    var resume = false

    @Option(help: "Output folder.")
    var out: String

    func resolvedSpec() -> GeneratorTrainSpec {
        var spec = Self.defaults
        if let epochs { spec.epochs = epochs }
        if let batchSize { spec.batchSize = batchSize }
        if let lr { spec.learningRate = lr }
        if let numSample { spec.numSample = numSample }
        if let candidates { spec.candidates = candidates }
        if let pairsPerTask { spec.pairsPerTask = pairsPerTask }
        if let heldOutTasks { spec.heldOutTasks = heldOutTasks }
        if let hiddenSize { spec.hiddenSize = hiddenSize }
        if let latentSize { spec.latentSize = latentSize }
        if let seed { spec.seed = seed }
        return spec
    }

    func run() throws {
        let spec = resolvedSpec()
        try spec.validate()
        let outcome = try GeneratorTrainRun.run(spec, database: db, features: try MetaFeatureSets.read(features), predictor: predictor,
                                                out: out, resume: resume)
        let v = outcome.validation
        print("generator trained \(outcome.epochs) epochs on \(outcome.trainingPairs) pairs (\(outcome.distinctTrainingCells) distinct cells); "
              + "validation (\(outcome.validationPairs) pairs, z = mu): loss \(MetaD2ATrainPredictor.fixed(v.loss)) reconstruction accuracy "
              + "\(MetaD2ATrainPredictor.fixed(v.reconstructionAccuracy)) validity \(MetaD2ATrainPredictor.fixed(v.validity)); \(out)/generator.h5")
    }
}
