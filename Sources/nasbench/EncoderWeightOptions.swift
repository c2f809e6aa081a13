import ArgumentParser
import NASExperiments
import NASMetaD2A

/// Which image encoder a command uses: a trained one (`--encoder`) or seeded random weights.
struct EncoderWeightOptions: ParsableArguments {
    @Option(help: "A trained encoder (encoder.h5 of `metad2a train-encoder`).")
    var encoder: String?

    @Flag(help: "Use a randomly initialised encoder instead (the measured fallback).")
    var randomWeights = false

    @Option(help: "Seed of the random weights (default 0).")
    var weightSeed: UInt64?

    @Option(help: "First-stage width of the random encoder (default 64, torchvision's ResNet-18).")
    var width: Int?

    func validate() throws {
        if encoder != nil, randomWeights { throw ValidationError("give --encoder or --random-weights, not both") }
        if encoder != nil, width != nil { throw ValidationError("--width is for --random-weights (a checkpoint has its own)") }
    }

    /// The random encoder's layout.
    var randomLayout: ImageEncoderConfiguration {
        var layout = ImageEncoderConfiguration()
        if let width { layout.width = width }
        return layout
    }
}
