import ArgumentParser
import Foundation
import NASConet
import NASCore
import NASExperiments

struct ConetTrainCommand: SpecCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a network from scratch at given widths (the search's result, a baseline, the standard network).",
        discussion: """
            SGD (momentum 0.9, weight decay 5e-4, batch 128) from --learning-rate, multiplied by --step-gamma every \
            --step-epochs epochs (the authors' full training: 0.1, StepLR(25, 0.5), 250 epochs; the default here \
            is 20 epochs with the step scaled alike, every 2). After each epoch: test accuracy and every \
            convolution's quality. --out writes epochs.csv, layers.csv, timing.csv, result.json and config.json; \
            --resume continues a killed run from its last epoch to the same bytes. docs/CONET.md.
            """)

    static let defaults = ConetTrainSpec()

    @OptionGroup(title: "Spec (ConetTrainSpec's keys: docs/CONET.md)")
    var specOptions: SpecOptions

    @OptionGroup var data: ConetDataOptions

    @Option(help: "One width per dependency group, comma-separated (`nasbench conet deps MODEL` lists them; default: the standard widths).")
    var widths: String?

    @Option(help: "A search's result.json: train its widths.")
    var widthsFrom: String?

    @Option(help: "Epochs (default \(defaults.epochs)).")
    var epochs: Int?

    @Option(help: "Initial learning rate (default \(defaults.learningRate)).")
    var learningRate: Double?

    @Option(help: "Epochs between learning-rate steps (default \(defaults.stepEpochs)).")
    var stepEpochs: Int?

    @Option(help: "Learning-rate factor at each step (default \(defaults.stepGamma)).")
    var stepGamma: Double?

    @Option(help: "Mini-batch size (default \(defaults.batchSize)).")
    var batchSize: Int?

    @OptionGroup var output: ConetRunOptions

    func validate() throws {
        if widths != nil, widthsFrom != nil { throw ValidationError("give --widths or --widths-from, not both") }
    }

    func resolvedSpec() throws -> ConetTrainSpec {
        var spec = try specOptions.base(Self.defaults)
        data.apply(model: &spec.model, data: &spec.data, seed: &spec.seed)
        if let widths { spec.widths = try ConetWidthsCommand.parse(widths) }
        if let widthsFrom { spec.widths = try ConetWidthsCommand.widths(ofResult: widthsFrom) }
        if let epochs { spec.epochs = epochs }
        if let learningRate { spec.learningRate = learningRate }
        if let stepEpochs { spec.stepEpochs = stepEpochs }
        if let stepGamma { spec.stepGamma = stepGamma }
        if let batchSize { spec.batchSize = batchSize }
        return spec
    }

    func run(_ spec: ConetTrainSpec) throws {
        let outcome = try ConetTrainRun.run(spec, out: try output.folder(), resume: output.resume)
        print("widths \(outcome.widths.map(String.init).joined(separator: ",")): \(outcome.parameters) parameters, \(outcome.macs) MACs; "
              + "test accuracy \(outcome.testAccuracy)% after \(outcome.epochs) epochs (best \(outcome.bestTestAccuracy)%)")
    }
}

struct ConetWidthsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "widths",
        abstract: "Baseline widths at a parameter budget: the standard widths scaled by one factor, or random widths.",
        discussion: """
            scaled: the model's standard widths times one factor (rounded to even), the closest to the budget, within \
            --tolerance (default 2%). random: every group uniform in [--min-width, --max-width], redrawn until within \
            --tolerance (default 0.15%, the authors' randomsizes/ rule). Prints the widths (comma-separated) and their \
            parameter count.
            """)

    enum Rule: String, ExpressibleByArgument, CaseIterable { case scaled, random }

    @Argument(help: "resnet20, resnet32, resnet34, nb201 or nb201:CELL.")
    var model: String

    @Option(help: "scaled or random.")
    var rule: Rule

    @Option(help: "The parameter budget.")
    var parameters: Int?

    @Option(help: "A search's or training's result.json: its parameter count is the budget.")
    var like: String?

    @Option(help: "Allowed relative distance from the budget (default 0.02 scaled, 0.0015 random).")
    var tolerance: Double?

    @Option(help: "random: smallest width (default 8).")
    var minWidth = 8

    @Option(help: "random: largest width (default 128).")
    var maxWidth = 128

    @Option(help: "random: seed (default 0).")
    var seed: UInt64 = 0

    func validate() throws {
        if (parameters == nil) == (like == nil) { throw ValidationError("give --parameters or --like (one of them)") }
        if let tolerance, !(tolerance > 0 && tolerance < 1) { throw ValidationError("--tolerance must be in (0, 1), got \(tolerance)") }
    }

    func run() throws {
        let (graph, standard) = try ChannelGraph.model(named: model)
        let budget = try parameters ?? Self.parameters(ofResult: like!)
        let widths: [Int]
        switch rule {
        case .scaled: widths = try graph.scaledWidths(standard, parameters: budget, tolerance: tolerance ?? 0.02)
        case .random:
            var rng = SplitMix64(seed: seed)
            widths = try graph.randomWidths(parameters: budget, minWidth: minWidth, maxWidth: maxWidth, tolerance: tolerance ?? 0.0015, using: &rng)
        }
        print("\(widths.map(String.init).joined(separator: ",")) \(try graph.cost(widths: widths, imageSize: 32).parameters)")
    }

    /// Widths as `a,b,c`.
    static func parse(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--widths '\(text)': expected comma-separated integers, one per dependency group")
        }
        return parts.map { $0! }
    }

    static func result(_ path: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("\(path): not a readable result.json of conet search or train")
        }
        return object
    }

    static func widths(ofResult path: String) throws -> [Int] {
        guard let widths = try result(path)["widths"] as? [Int], !widths.isEmpty else {
            throw ValidationError("\(path): no \"widths\" list in it (a result.json of conet search or train?)")
        }
        return widths
    }

    static func parameters(ofResult path: String) throws -> Int {
        guard let parameters = try result(path)["parameters"] as? Int, parameters > 0 else {
            throw ValidationError("\(path): no positive \"parameters\" in it (a result.json of conet search or train?)")
        }
        return parameters
    }
}

struct ConetReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The CONetV2 study's tables and verdict from its run folders (experiments/conet-study.sh).",
        discussion: """
            Reads RUNS/final-RULE-sSEED/ (conet train) and writes final.csv (every network's last-epoch accuracy, \
            parameters, MACs), metric.csv (Spearman of network-mean QC and KG with test accuracy over epochs and \
            across networks, and of parameters and MACs), cost.csv (wall seconds per search trial and per training epoch, \
            from RUNS/search-*/ and final-*/timing.csv) and verdict.csv (the fixed rule of docs/RESULTS.md).
            """)

    @Argument(help: "The study's runs folder (default of experiments/conet-study.sh: runs/conet).")
    var runs: String

    @Option(help: "Output folder.")
    var out: String

    func run() throws {
        print(try ConetReport.write(runsFolder: runs, out: out), terminator: "")
    }
}
