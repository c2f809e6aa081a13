import ArgumentParser
import Foundation
import NASDatasets
import NASExperiments

/// `nasbench metad2a encode`: per-image features of an image set, grouped by class, in HDF5.
struct MetaD2AEncode: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Write an image set's per-image encoder features (and labels) to HDF5, grouped by class.",
        discussion: """
            The set is loaded as MetaD2A's tasks see it (32x32 RGB, training part) and normalised per channel by its \
            own statistics; the encoder is --encoder (a train-encoder run's encoder.h5) or --random-weights. The file \
            holds /features [images, 512], /labels, /indices (image index in the set), /class_offsets and \
            /class_names (layout: docs/METAD2A.md).
            """)

    @Argument(help: "fashion-mnist, digits or cifar10.")
    var source: MetaImageSource

    @Option(help: "The CIFAR-10 binary archive (for cifar10).")
    var cifar: String?

    @OptionGroup var weights: EncoderWeightOptions

    @Flag(help: "Re-estimate the encoder's batch-norm statistics on the images encoded first (AdaBN; no labels).")
    var adaptBatchNorm = false

    @Option(help: "Only the first n images of each class (default: all).")
    var perClass: Int?

    @Option(help: "The HDF5 file to write.")
    var out: String

    func validate() throws {
        if weights.encoder == nil, !weights.randomWeights { throw ValidationError("give --encoder PATH or --random-weights") }
        if let perClass, perClass < 1 { throw ValidationError("--per-class must be at least 1, got \(perClass)") }
    }

    func run() throws {
        let chosen: EncoderWeights = weights.encoder.map { .checkpoint(path: $0) }
            ?? .random(seed: weights.weightSeed ?? 0, configuration: weights.randomLayout)
        _ = try chosen.load()
        let pool = try MetaTaskPool.load([source], cifar: cifar)
        let (file, seconds) = try EncoderFeatureFile.encode(pool.members[0], weights: chosen, perClass: perClass, adaptBatchNorm: adaptBatchNorm)
        try file.write(to: out)
        print("\(file.labels.count) images of \(source.rawValue), \(file.dimension) features each, in \(String(format: "%.1f", seconds)) s "
              + "(\(String(format: "%.2f", 1000 * seconds / Double(max(file.labels.count, 1)))) ms an image): \(out)")
    }
}
