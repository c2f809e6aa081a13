import Foundation
import NASDatasets
import NASHDF5
import NASSpaces

/// A `metad2a-db.h5` as the meta-training commands read it (format in docs/METAD2A.md): the
/// tasks, the (task, cell, accuracy) labels, and each image set's SHA-256 from the provenance, so
/// a feature file can be checked against the images the database was built on.
public struct MetaTrainingDatabase: Sendable {
    public let tasks: [MetaTask]
    public let labels: [MetaD2ADatabaseFile.Label]
    /// Image set name to the SHA-256 of its labels then pixels (the build's `config.json` `sources`).
    public let sourceDigests: [String: String]
    /// Every task's shape (ways, training and validation images a class).
    public let shape: MetaTaskShape
    /// The file's `provenance` attribute (the build's `config.json` text).
    public let provenance: String

    public init(tasks: [MetaTask], labels: [MetaD2ADatabaseFile.Label], sourceDigests: [String: String],
                shape: MetaTaskShape = MetaTaskShape(), provenance: String = "") {
        self.tasks = tasks
        self.labels = labels
        self.sourceDigests = sourceDigests
        self.shape = shape
        self.provenance = provenance
    }

    /// Reads and checks a database file; anything else is a one-line error.
    public static func read(_ path: String) throws -> MetaTrainingDatabase {
        guard FileManager.default.fileExists(atPath: path) else { throw ExperimentError.badInput("\(path): no such database file") }
        func bad(_ why: String) -> ExperimentError { .corruptResults(path: path, why: why) }
        do {
            let root = try HDF5File.open(path).root()
            guard (try? root.stringAttribute("format")) == MetaD2ADatabaseFile.format else {
                throw bad("not a MetaD2A database (format != \(MetaD2ADatabaseFile.format))")
            }
            let version = try root.integerAttribute("format_version")
            guard version == MetaD2ADatabaseFile.version else { throw bad("database version \(version) is not supported") }
            let tasksGroup = try root.group("tasks"), labelsGroup = try root.group("labels")
            let sources = try tasksGroup.dataset("source").readStrings()
            let trainShape = try tasksGroup.dataset("train_images").shape()
            guard trainShape.count == 3, trainShape[0] == sources.count else { throw bad("/tasks/train_images is not [tasks, ways, images]") }
            let (ways, perClass) = (trainShape[1], trainShape[2])
            let classes = try tasksGroup.dataset("classes").read(as: Int64.self).map(Int.init)
            let train = try tasksGroup.dataset("train_images").read(as: Int64.self).map(Int.init)
            let validShape = try tasksGroup.dataset("valid_images").shape()
            guard validShape.count == 3, validShape[0] == sources.count, validShape[1] == ways else {
                throw bad("/tasks/valid_images is not [tasks, ways, images]")
            }
            let validPerClass = validShape[2]
            let valid = try tasksGroup.dataset("valid_images").read(as: Int64.self).map(Int.init)
            guard classes.count == sources.count * ways else { throw bad("/tasks/classes is not [tasks, ways]") }
            let tasks = try sources.enumerated().map { t, name in
                guard let source = MetaImageSource(rawValue: name) else { throw bad("task \(t): unknown image set '\(name)'") }
                let lists = (0..<ways).map { j in Array(train[((t * ways + j) * perClass)..<((t * ways + j + 1) * perClass)]) }
                let validLists = (0..<ways).map { j in Array(valid[((t * ways + j) * validPerClass)..<((t * ways + j + 1) * validPerClass)]) }
                return MetaTask(index: t, source: source, classes: Array(classes[(t * ways)..<((t + 1) * ways)]), trainImages: lists,
                                validImages: validLists)
            }
            let task = try labelsGroup.dataset("task").read(as: Int64.self).map(Int.init)
            let cell = try labelsGroup.dataset("cell").read(as: Int64.self).map(Int.init)
            let arch = try labelsGroup.dataset("arch").readStrings()
            let seed = try labelsGroup.dataset("seed").read(as: Int64.self)
            let accuracy = try labelsGroup.dataset("accuracy").read(as: Double.self)
            guard [cell.count, arch.count, seed.count, accuracy.count].allSatisfy({ $0 == task.count }) else {
                throw bad("the /labels datasets have different lengths")
            }
            let labels = try task.indices.map { i in
                guard task[i] >= 0, task[i] < tasks.count else { throw bad("label \(i) names task \(task[i]) of \(tasks.count)") }
                guard accuracy[i].isFinite else { throw bad("label \(i) has accuracy \(accuracy[i]) (not a finite number)") }
                guard let parsed = try? NB201Space().parse(arch[i]) else { throw bad("label \(i): '\(arch[i])' is not an NB201 cell") }
                return MetaD2ADatabaseFile.Label(task: task[i], cell: cell[i], arch: parsed, seed: UInt64(bitPattern: seed[i]), accuracy: accuracy[i])
            }
            let provenance = try root.stringAttribute("provenance")
            return MetaTrainingDatabase(tasks: tasks, labels: labels, sourceDigests: digests(provenance: provenance),
                                        shape: MetaTaskShape(ways: ways, trainPerClass: perClass, validPerClass: validPerClass),
                                        provenance: provenance)
        } catch let error as HDF5Error {
            throw bad(error.message)
        }
    }

    /// `sources[].name -> sha256` of a build's `config.json` text (empty when it has none).
    static func digests(provenance: String) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(provenance.utf8)) as? [String: Any],
              let sources = object["sources"] as? [[String: Any]] else { return [:] }
        var digests: [String: String] = [:]
        for source in sources { if let name = source["name"] as? String, let sha = source["sha256"] as? String { digests[name] = sha } }
        return digests
    }
}
