import ArgumentParser
import Foundation
import NASDatasets
import NASExperiments

/// `nasbench metad2a build-db`: the meta-training database, (task, cell, accuracy) triplets.
struct MetaD2ABuildDB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-db",
        abstract: "Build MetaD2A's meta-training database: NB201 cells trained briefly on random few-way tasks of real image sets.",
        discussion: """
            Task t is a --ways-way class subset of one image set of --sources (fashion-mnist, digits; cifar10 only when \
            listed, with --cifar: it is the meta-test set) with --train-per-class training and --valid-per-class \
            validation images per class. Each task gets --cells-per-task distinct NB201 cells; each (task, cell) is \
            labelled by the validation accuracy (%) of NB201Network (C, N) after --epochs of Nesterov SGD with a cosine \
            schedule. --out gets labels.csv (same seed, same bytes), seconds.csv, config.json, and at the end tasks.json \
            and metad2a-db.h5 (docs/METAD2A.md). --resume continues a killed run; --shard i/n runs labels l with \
            l % n == i in shard-i-of-n/, then `nasbench metad2a merge OUT`.
            """)

    static let defaults = MetaD2ADatabaseSpec()

    @Option(help: "Tasks.")
    var tasks: Int

    @Option(help: "NB201 cells per task (distinct, uniform).")
    var cellsPerTask: Int?

    @Option(help: ArgumentHelp("Label these cells (a file of NB201 strings, one a line; '#' starts a comment) in every task instead of uniform draws.",
                               valueName: "file"))
    var cells: String?

    @Option(help: ArgumentHelp("Image sets tasks draw from, comma-separated (default fashion-mnist,digits).", valueName: "sets"),
            transform: MetaD2ABuildDB.parseSources)
    var sources: [MetaImageSource]?

    @Option(help: "The CIFAR-10 binary archive (for the cifar10 source).")
    var cifar: String?

    @Option(help: "Classes per task (default \(defaults.shape.ways)).")
    var ways: Int?

    @Option(help: "Training images per class (default \(defaults.shape.trainPerClass)).")
    var trainPerClass: Int?

    @Option(help: "Validation images per class (default \(defaults.shape.validPerClass)).")
    var validPerClass: Int?

    @Option(help: "NB201Network C (default \(defaults.label.channels)).")
    var channels: Int?

    @Option(help: "NB201Network N, cells per stage (default \(defaults.label.cellsPerStage)).")
    var cellsPerStage: Int?

    @Option(help: "Training epochs per label (default \(defaults.label.epochs)).")
    var epochs: Int?

    @Option(help: "Mini-batch size (default \(defaults.label.batchSize)).")
    var batchSize: Int?

    @Option(help: "Initial learning rate of the cosine schedule (default \(defaults.label.learningRate)).")
    var learningRate: Double?

    @Option(help: "Side of the images the network sees (default \(defaults.label.imageSize); smaller sides are resizes, for tests).")
    var imageSize: Int?

    @Flag(help: "Random crop (pad 4) and horizontal flip on training batches.")
    var augment = false

    @OptionGroup var runOptions: RunOptions

    static func parseSources(_ text: String) throws -> [MetaImageSource] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { name in
            guard let source = MetaImageSource(rawValue: String(name)) else {
                throw ValidationError("unknown image set '\(name)' (expected one of: \(MetaImageSource.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return source
        }
    }

    /// The NB201 strings of a `--cells` file.
    static func readCells(_ path: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("--cells: cannot read \(path)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw ValidationError("--cells: \(path) names no cell") }
        return lines
    }

    func validate() throws {
        if cellsPerTask == nil, cells == nil { throw ValidationError("Missing expected argument '--cells-per-task <cells-per-task>' (or --cells FILE)") }
    }

    func resolvedSpec() throws -> MetaD2ADatabaseSpec {
        var spec = Self.defaults
        spec.tasks = tasks
        if let cells {
            let given = try Self.readCells(cells)
            spec.cells = given
            spec.cellsPerTask = cellsPerTask ?? given.count
        } else {
            spec.cellsPerTask = cellsPerTask ?? 1
        }
        spec.seed = runOptions.seed ?? spec.seed
        if let sources { spec.sources = sources }
        if let cifar { spec.cifar = cifar }
        if let ways { spec.shape.ways = ways }
        if let trainPerClass { spec.shape.trainPerClass = trainPerClass }
        if let validPerClass { spec.shape.validPerClass = validPerClass }
        if let channels { spec.label.channels = channels }
        if let cellsPerStage { spec.label.cellsPerStage = cellsPerStage }
        if let epochs { spec.label.epochs = epochs }
        if let batchSize { spec.label.batchSize = batchSize }
        if let learningRate { spec.label.learningRate = learningRate }
        if let imageSize { spec.label.imageSize = imageSize }
        if augment { spec.label.augment = true }
        return spec
    }

    func run() throws {
        let spec = try resolvedSpec()
        try spec.validate()
        let out = try runOptions.folder()
        let pool = try MetaTaskPool.load(spec.sources, cifar: spec.cifar.isEmpty ? nil : spec.cifar)
        let database = try MetaD2ADatabase(spec: spec, pool: pool)
        let ran = try database.run(out: out, shard: runOptions.shard, jobs: runOptions.jobs ?? 1, resume: runOptions.resume)
        if runOptions.shard.count > 1 {
            print("shard \(runOptions.shard) done (\(ran) labels); when every shard is, run: nasbench metad2a merge \(out)")
        } else {
            print("\(spec.labelCount) labels of \(spec.tasks) tasks in \(out)/labels.csv; database \(out)/\(MetaD2ADatabase.fileName)")
        }
    }
}

/// `nasbench metad2a merge`: the shards of a build-db run joined, then the database written.
struct MetaD2AMerge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shards of a `metad2a build-db --shard i/n` run and write tasks.json and metad2a-db.h5.")

    @Argument(help: "The run's --out folder.")
    var folder: String

    func run() throws {
        let configPath = "\(folder)/shard-0-of-" + (try shardCount()) + "/config.json"
        guard let data = FileManager.default.contents(atPath: configPath),
              let config = try JSONSerialization.jsonObject(with: data) as? [String: Any], let specObject = config["spec"],
              let spec = try? JSONDecoder().decode(MetaD2ADatabaseSpec.self, from: JSONSerialization.data(withJSONObject: specObject))
        else { throw ExperimentError.corruptResults(path: configPath, why: "missing, or not a metad2a build-db configuration") }
        let pool = try MetaTaskPool.load(spec.sources, cifar: spec.cifar.isEmpty ? nil : spec.cifar)
        let database = try MetaD2ADatabase(spec: spec, pool: pool)
        try ResultsMerger(files: MetaD2ADatabase.files(folder: folder)).merge()
        try database.finish(out: folder)
        print("\(spec.labelCount) labels of \(spec.tasks) tasks in \(folder)/labels.csv; database \(folder)/\(MetaD2ADatabase.fileName)")
    }

    private func shardCount() throws -> String {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        guard let first = names.filter({ $0.hasPrefix("shard-0-of-") }).sorted().first else {
            throw ExperimentError.badInput("\(folder) has no shard-I-of-N folders to merge")
        }
        return String(first.dropFirst("shard-0-of-".count))
    }
}
