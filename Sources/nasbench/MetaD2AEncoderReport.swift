import ArgumentParser
import Foundation
import NASDatasets
import NASExperiments

/// `nasbench metad2a encoder-report`: nearest-prototype accuracy of held-out images.
struct MetaD2AEncoderReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encoder-report",
        abstract: "How well class prototypes of encoder features separate held-out images: trained vs random weights vs pixels.",
        discussion: """
            Per set and episode shape: --episodes episodes of --ways classes (0: all), each class's prototype the mean \
            feature of --shots images drawn from its first --support-per-class training-part images; every one of its \
            first --query-per-class held-out images (every --holdout-every-th image of a class, as train-encoder holds \
            out) goes to the nearest prototype. The same episodes for the trained encoder (--encoder), random weights \
            of its layout (--weight-seed), both again with batch-norm statistics re-estimated on the set's support \
            images (-adabn rows, no labels), and normalised pixels. --out gets prototypes.csv, timing.csv, config.json.
            """)

    static let defaults = EncoderReportSpec()

    @Option(help: ArgumentHelp("Image sets, comma-separated (default fashion-mnist,digits,cifar10).", valueName: "sets"),
            transform: MetaD2ABuildDB.parseSources)
    var sources: [MetaImageSource]?

    @Option(help: "The CIFAR-10 binary archive (for cifar10).")
    var cifar: String?

    @OptionGroup var weights: EncoderWeightOptions

    @Option(help: "Hold-out rule, as the encoder was trained with (default \(defaults.holdoutEvery)).")
    var holdoutEvery: Int?

    @Option(help: "Training-part images per class prototypes are drawn from (default \(defaults.supportPerClass)).")
    var supportPerClass: Int?

    @Option(help: "Held-out images per class to classify (default \(defaults.queryPerClass)).")
    var queryPerClass: Int?

    @Option(help: ArgumentHelp("Images per prototype, comma-separated (default 5,20).", valueName: "list"),
            transform: MetaD2AEncoderReport.parseList)
    var shots: [Int]?

    @Option(help: ArgumentHelp("Classes per episode, comma-separated; 0 = all (default 5,0).", valueName: "list"),
            transform: MetaD2AEncoderReport.parseList)
    var ways: [Int]?

    @Option(help: "Episodes per set and shape (default \(defaults.episodes)).")
    var episodes: Int?

    @Flag(help: "Leave out the encoders with batch norms adapted to each set (AdaBN rows).")
    var noAdaptBatchNorm = false

    @Option(help: "Seed of the episodes (default \(defaults.seed)).")
    var seed: UInt64?

    @Option(help: "Output folder.")
    var out: String

    static func parseList(_ text: String) throws -> [Int] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map {
            guard let value = Int($0) else { throw ValidationError("'\($0)' is not an integer") }
            return value
        }
    }

    func resolvedSpec() -> EncoderReportSpec {
        var spec = Self.defaults
        if let sources { spec.sources = sources }
        if let cifar { spec.cifar = cifar }
        if let encoder = weights.encoder { spec.encoder = encoder }
        if let weightSeed = weights.weightSeed { spec.randomSeed = weightSeed }
        spec.randomLayout = weights.randomLayout
        if let holdoutEvery { spec.holdoutEvery = holdoutEvery }
        if let supportPerClass { spec.supportPerClass = supportPerClass }
        if let queryPerClass { spec.queryPerClass = queryPerClass }
        if let shots { spec.shots = shots }
        if let ways { spec.ways = ways }
        if let episodes { spec.episodes = episodes }
        if let seed { spec.seed = seed }
        if noAdaptBatchNorm { spec.adaptBatchNorm = false }
        return spec
    }

    func run() throws {
        let spec = resolvedSpec()
        try spec.validate()
        if !spec.encoder.isEmpty { _ = try EncoderWeights.checkpoint(path: spec.encoder).load() }
        let pool = try MetaTaskPool.load(spec.sources, cifar: spec.cifar.isEmpty ? nil : spec.cifar)
        let rows = try EncoderReport.run(spec, pool: pool, out: out)
        print("encoder,source,ways,shots,mean_accuracy,ci95")
        for row in rows {
            let stats = row.statistics
            let half = row.accuracies.count > 1 ? 1.96 * stats.std / Double(row.accuracies.count).squareRoot() : 0
            print("\(row.encoder),\(row.source),\(row.ways),\(row.shots),\(String(format: "%.2f", stats.mean)),\(String(format: "%.2f", half))")
        }
    }
}
