import ArgumentParser

/// The options `train-predictor` and `train-generator` share: the database, the feature files,
/// the recipe's common knobs (defaults shown by each command's spec), the seed, resume, --out.
struct MetaD2ATrainingOptions: ParsableArguments {
    @Option(help: "The database (build-db's metad2a-db.h5).")
    var db: String

    @Option(parsing: .upToNextOption, help: "Feature files, one per image set of the database (metad2a encode).")
    var features: [String]

    @Option(help: "Epochs (default 400).")
    var epochs: Int?

    @Option(help: "Pairs per batch (default 32).")
    var batchSize: Int?

    @Option(help: "Adam's initial learning rate (default 1e-4).")
    var lr: Double?

    @Option(help: "Images per class in a task's set (default 20).")
    var numSample: Int?

    @Option(help: "Fraction of tasks held out whole (default 0.1).")
    var heldOutTasks: Double?

    @Option(help: "Hidden width hs (default: the command's model, 512 predictor, 56 generator).")
    var hiddenSize: Int?

    @Option(help: "Seed of the initialisation, split, order and set draws (default 0).")
    var seed: UInt64?

    @Flag(help: "Continue the run in --out where it stopped (the configuration must match).")
    var resume = false

    @Option(help: "Output folder.")
    var out: String

    /// Sets the shared fields the user gave.
    func apply(epochs e: inout Int, batchSize b: inout Int, learningRate l: inout Double, numSample n: inout Int,
               heldOutTasks h: inout Double, hiddenSize s: inout Int, seed r: inout UInt64) {
        if let epochs { e = epochs }
        if let batchSize { b = batchSize }
        if let lr { l = lr }
        if let numSample { n = numSample }
        if let heldOutTasks { h = heldOutTasks }
        if let hiddenSize { s = hiddenSize }
        if let seed { r = seed }
    }
}
