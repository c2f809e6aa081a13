import ArgumentParser
import Foundation
import NASDatasets
import NASExperiments

/// `nasbench metad2a train-encoder`: MetaD2A's image encoder trained on the meta-training sets.
struct MetaD2ATrainEncoder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-encoder",
        abstract: "Train MetaD2A's ResNet-18-layout image encoder (512 features an image) on the meta-training image sets.",
        discussion: """
            The authors extract features with an ImageNet-pretrained ResNet-18 (fc removed); with no downloadable \
            weights, this trains the same layout (--width 64; narrower widths add a linear projection to 512) with a \
            linear head over every class of --sources (default fashion-mnist,digits; never cifar10, the meta-test set), \
            cross-entropy, Nesterov SGD with a per-batch cosine schedule. Every --holdout-every-th image of a class is \
            held out (never trained on; `metad2a encoder-report` classifies them). --out gets config.json, epochs.csv, \
            timing.csv, a checkpoint after every epoch (--resume continues a killed run to the same bytes) and at the \
            end encoder.h5, what `metad2a encode` reads (docs/METAD2A.md).
            """)

    static let defaults = EncoderTrainSpec()

    @Option(help: ArgumentHelp("Image sets to train on, comma-separated (default fashion-mnist,digits).", valueName: "sets"),
            transform: MetaD2ABuildDB.parseSources)
    var sources: [MetaImageSource]?

    @Option(help: "Hold out every n-th image of each class (default \(defaults.holdoutEvery)).")
    var holdoutEvery: Int?

    @Option(help: "At most this many training images per class, the first in image order (default: all).")
    var trainPerClass: Int?

    @Option(help: "Held-out images per class scored after each epoch (default \(defaults.evalPerClass)).")
    var evalPerClass: Int?

    @Option(help: "Channels of the first stage; stages have width x 1, 2, 4, 8 (default \(defaults.encoder.width): torchvision's ResNet-18).")
    var width: Int?

    @Option(help: "Epochs (default \(defaults.epochs)).")
    var epochs: Int?

    @Option(help: "Mini-batch size (default \(defaults.batchSize)).")
    var batchSize: Int?

    @Option(help: "Initial learning rate of the cosine schedule (default \(defaults.learningRate)).")
    var learningRate: Double?

    @Option(help: "Seed of the initialisation and the batch order (default \(defaults.seed)).")
    var seed: UInt64?

    @Flag(help: "Continue the run in --out where it stopped (the configuration must match).")
    var resume = false

    @Option(help: "Output folder.")
    var out: String

    func resolvedSpec() -> EncoderTrainSpec {
        var spec = Self.defaults
        if let sources { spec.sources = sources }
        if let holdoutEvery { spec.holdoutEvery = holdoutEvery }
        if let trainPerClass { spec.trainPerClass = trainPerClass }
        if let evalPerClass { spec.evalPerClass = evalPerClass }
        if let width { spec.encoder.width = width }
        if let epochs { spec.epochs = epochs }
        if let batchSize { spec.batchSize = batchSize }
        if let learningRate { spec.learningRate = learningRate }
        if let seed { spec.seed = seed }
        return spec
    }

    func run() throws {
        let spec = resolvedSpec()
        try spec.validate()
        let pool = try MetaTaskPool.load(spec.sources, cifar: nil)
        let outcome = try EncoderTrainRun.run(spec, pool: pool, out: out, resume: resume)
        print("encoder (\(outcome.parameters) parameters, \(outcome.macsPerImage) MACs an image) trained \(outcome.epochs) epochs on "
              + "\(outcome.trainImages) images of \(outcome.classes) classes; held-out accuracy \(String(format: "%.2f", outcome.heldOutAccuracy))%; "
              + "\(out)/\(EncoderTrainRun.encoderFile)")
    }
}
