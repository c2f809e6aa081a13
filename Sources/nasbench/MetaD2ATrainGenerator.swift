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

    @OptionGroup var common: MetaD2ATrainingOptions

    @Option(help: "A train-predictor run folder, or its predictor.h5.")
    var predictor: String

    @Option(help: "Random cells the predictor picks the best of (default \(defaults.candidates)).")
    var candidates: Int?

    @Option(help: "Generator pairs per task (default \(defaults.pairsPerTask)).")
    var pairsPerTask: Int?

    @Option(help: "Latent width nz (default \(defaults.latentSize)).")
    var latentSize: Int?

    func resolvedSpec() -> GeneratorTrainSpec {
        var spec = Self.defaults
        common.apply(epochs: &spec.epochs, batchSize: &spec.batchSize, learningRate: &spec.learningRate, numSample: &spec.numSample,
                     heldOutTasks: &spec.heldOutTasks, hiddenSize: &spec.hiddenSize, seed: &spec.seed)
        if let candidates { spec.candidates = candidates }
        if let pairsPerTask { spec.pairsPerTask = pairsPerTask }
        if let latentSize { spec.latentSize = latentSize }
        return spec
    }

    func run() throws {
        let spec = resolvedSpec()
        try spec.validate()
        let outcome = try GeneratorTrainRun.run(spec, database: common.db, features: try MetaFeatureSets.read(common.features),
                                                predictor: predictor, out: common.out, resume: common.resume)
        let v = outcome.validation
        print("generator trained \(outcome.epochs) epochs on \(outcome.trainingPairs) pairs (\(outcome.distinctTrainingCells) distinct cells); "
              + "validation (\(outcome.validationPairs) pairs, z = mu): loss \(MetaD2ATrainPredictor.fixed(v.loss)) reconstruction accuracy "
              + "\(MetaD2ATrainPredictor.fixed(v.reconstructionAccuracy)) validity \(MetaD2ATrainPredictor.fixed(v.validity)); \(common.out)/generator.h5")
    }
}
