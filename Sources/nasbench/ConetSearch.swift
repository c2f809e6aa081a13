import ArgumentParser
import Foundation
import NASConet
import NASExperiments

extension ChannelSearch.Algorithm: ExpressibleByArgument {}

/// Options both `conet search` and `conet train` take: the network and the images.
struct ConetDataOptions: ParsableArguments {
    @Option(help: "resnet20, resnet32, resnet34, nb201 or nb201:CELL (default resnet20).")
    var model: String?

    @Option(help: "The CIFAR-10 binary archive (cifar-10-binary.tar.gz layout).")
    var cifar: String?

    @Option(help: "Training images: the archive's first N (default 10000).")
    var trainImages: Int?

    @Option(help: "Test images: the test part's first N (default 10000).")
    var testImages: Int?

    @Option(help: "Seed of the initialisation, data order, augmentation and annealing draws (default 0).")
    var seed: UInt64?

    func apply(model target: inout String, data: inout ConetData, seed targetSeed: inout UInt64) {
        if let model { target = model }
        if let cifar { data.cifar = cifar }
        if let trainImages { data.trainImages = trainImages }
        if let testImages { data.testImages = testImages }
        if let seed { targetSeed = seed }
    }
}

/// `--out` and `--resume` of `conet search` and `conet train`.
struct ConetRunOptions: ParsableArguments {
    @Option(help: "Output folder (required to run).")
    var out: String?

    @Flag(help: "Continue the run in --out where it stopped (the configuration must match).")
    var resume = false

    func folder() throws -> String {
        guard let out else { throw ValidationError("Missing expected argument '--out <out>'") }
        return out
    }
}

struct ConetSearchCommand: SpecCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "CONetV2's channel-size search: trials of short training, widths moved by the layers' quality (QC).",
        discussion: """
            Trial 0 trains every group at --initial-width; each later trial rebuilds the network at the widths the \
            search chose, transfers the trained convolution weights (truncated SVD to shrink, copies to grow) and \
            trains --epochs-per-trial epochs of SGD. After each trial, per convolution, the highest QC of its epochs \
            feeds a momentum (gamma); a group's width scales by 1 + the change of its members' mean momentum \
            (clipped to [0.5, 2], rounded to even, within the bounds), with simulated annealing's extra step (sa) or \
            without (greedy). The result is the trial (from --select-from on) with the highest mean momentum. \
            Defaults: the authors' configs/config_resnet.yaml. --out writes trials.csv, layers.csv, groups.csv, \
            timing.csv, result.json and config.json; --resume continues a killed run to the same bytes. docs/CONET.md.
            """)

    static let defaults = ConetSearchSpec()

    @OptionGroup(title: "Spec (ConetSearchSpec's keys: docs/CONET.md)")
    var specOptions: SpecOptions

    @OptionGroup var data: ConetDataOptions

    @Option(help: "sa (simulated annealing) or greedy (default sa).")
    var algorithm: ChannelSearch.Algorithm?

    @Option(help: "Trials, as the authors' adapt_trials (the last one's widths are final and not trained; default \(defaults.search.trials)).")
    var trials: Int?

    @Option(help: "Momentum of the layer metric (default \(defaults.search.gamma)).")
    var gamma: Double?

    @Option(help: "Annealing temperature scale alpha (default \(defaults.search.alpha)).")
    var alpha: Double?

    @Option(help: "Every group's width in trial 0 (default \(defaults.initialWidth)).")
    var initialWidth: Int?

    @Option(help: "Growth of every width after trial 0 (default \(defaults.search.stepSize)).")
    var stepSize: Int?

    @Option(help: "Smallest width (default \(defaults.search.minWidth)).")
    var minWidth: Int?

    @Option(help: "Largest width (default \(defaults.search.maxWidth)).")
    var maxWidth: Int?

    @Option(help: "First selectable trial (default \(defaults.search.selectFrom)).")
    var selectFrom: Int?

    @Option(help: "Epochs of trial 0 (default \(defaults.initialEpochs)).")
    var initialEpochs: Int?

    @Option(help: "Epochs of every later trial (default \(defaults.epochsPerTrial)).")
    var epochsPerTrial: Int?

    @Option(help: "SGD learning rate in trials (default \(defaults.learningRate)).")
    var learningRate: Double?

    @Option(help: "Mini-batch size (default \(defaults.batchSize)).")
    var batchSize: Int?

    @OptionGroup var output: ConetRunOptions

    func resolvedSpec() throws -> ConetSearchSpec {
        var spec = try specOptions.base(Self.defaults)
        data.apply(model: &spec.model, data: &spec.data, seed: &spec.seed)
        if let algorithm { spec.search.algorithm = algorithm }
        if let trials { spec.search.trials = trials }
        if let gamma { spec.search.gamma = gamma }
        if let alpha { spec.search.alpha = alpha }
        if let stepSize { spec.search.stepSize = stepSize }
        if let minWidth { spec.search.minWidth = minWidth }
        if let maxWidth { spec.search.maxWidth = maxWidth }
        if let selectFrom { spec.search.selectFrom = selectFrom }
        if let initialWidth { spec.initialWidth = initialWidth }
        if let initialEpochs { spec.initialEpochs = initialEpochs }
        if let epochsPerTrial { spec.epochsPerTrial = epochsPerTrial }
        if let learningRate { spec.learningRate = learningRate }
        if let batchSize { spec.batchSize = batchSize }
        return spec
    }

    func run(_ spec: ConetSearchSpec) throws {
        let outcome = try ConetSearchRun.run(spec, out: try output.folder(), resume: output.resume)
        print("best trial \(outcome.bestTrial) of \(outcome.trialsTrained) trained: widths \(outcome.widths.map(String.init).joined(separator: ",")); "
              + "\(outcome.parameters) parameters, \(outcome.macs) MACs; mean momentum QC \(outcome.combinedMetric)")
    }
}
