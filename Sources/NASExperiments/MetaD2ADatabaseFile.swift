import Foundation
import NASHDF5
import NASSpaces

/// The MetaD2A database as one HDF5 file (layout in docs/METAD2A.md): the tasks (image set,
/// classes, training and validation image indices) and the labels (task, cell, accuracy, seed),
/// with the run's `config.json` as provenance. Same labels, same bytes (no times are stored).
public struct MetaD2ADatabaseFile {
    public static let format = "nasbench-metad2a-db"
    public static let version = 1

    /// One row of `labels.csv`.
    public struct Label: Sendable, Equatable {
        public var task: Int
        public var cell: Int
        public var arch: NB201Cell
        public var seed: UInt64
        public var accuracy: Double

        public init(task: Int, cell: Int, arch: NB201Cell, seed: UInt64, accuracy: Double) {
            self.task = task; self.cell = cell; self.arch = arch; self.seed = seed; self.accuracy = accuracy
        }
    }

    public let spec: MetaD2ADatabaseSpec
    public let tasks: [MetaTask]
    public let labels: [Label]
    public let provenance: String

    public init(spec: MetaD2ADatabaseSpec, tasks: [MetaTask], labels: [Label], provenance: String) {
        self.spec = spec
        self.tasks = tasks
        self.labels = labels
        self.provenance = provenance
    }

    /// The rows of a finished `labels.csv` (`trial,task,cell,arch,arch_rank,seed,accuracy`), which
    /// must be labels 0..<count in order.
    public static func readLabels(_ path: String, count: Int) throws -> [Label] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ExperimentError.corruptResults(path: path, why: "missing or not text")
        }
        let lines = text.split(separator: "\n").dropFirst()
        guard lines.count == count else {
            throw ExperimentError.corruptResults(path: path, why: "\(lines.count) labels, expected \(count): finish the run (--resume) first")
        }
        return try lines.enumerated().map { number, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7, Int(fields[0]) == number, let task = Int(fields[1]), let cell = Int(fields[2]),
                  let rank = Int(fields[4]), let arch = NB201Cell(rank: rank), arch.description == fields[3],
                  let seed = UInt64(fields[5]), let accuracy = Double(fields[6]) else {
                throw ExperimentError.corruptResults(path: path, why: "row \(number + 1) is not trial,task,cell,arch,arch_rank,seed,accuracy of label \(number)")
            }
            return Label(task: task, cell: cell, arch: arch, seed: seed, accuracy: accuracy)
        }
    }

    /// Writes the file atomically: a temporary file beside `path`, renamed over it.
    public func write(to path: String) throws {
        try ExperimentError.writingFile(path) { try HDF5File.writeAtomically(to: path, writeUnchecked) }
    }

    private func writeUnchecked(to path: String) throws {
        let file = try HDF5File.create(path)
        let root = try file.root()
        let shape = spec.shape
        try root.setAttribute("format", Self.format)
        try root.setAttribute("format_version", Self.version)
        try root.setAttribute("search_space", "nb201")
        try root.setAttribute("task_count", tasks.count)
        try root.setAttribute("label_count", labels.count)
        try root.setAttribute("ways", shape.ways)
        try root.setAttribute("train_per_class", shape.trainPerClass)
        try root.setAttribute("valid_per_class", shape.validPerClass)
        try root.setAttribute("provenance", provenance)
        try root.setAttribute("created_by", "nasbench 0.1.0")

        let taskGroup = try root.createGroup("tasks")
        try taskGroup.writeStrings("source", tasks.map(\.source.rawValue))
        try taskGroup.write("classes", tasks.flatMap { $0.classes.map(Int64.init) }, shape: [tasks.count, shape.ways])
        try taskGroup.write("train_images", tasks.flatMap { $0.trainImages.flatMap { $0.map(Int64.init) } },
                            shape: [tasks.count, shape.ways, shape.trainPerClass])
        try taskGroup.write("valid_images", tasks.flatMap { $0.validImages.flatMap { $0.map(Int64.init) } },
                            shape: [tasks.count, shape.ways, shape.validPerClass])

        let labelGroup = try root.createGroup("labels")
        try labelGroup.write("task", labels.map { Int64($0.task) })
        try labelGroup.write("cell", labels.map { Int64($0.cell) })
        try labelGroup.writeStrings("arch", labels.map(\.arch.description))
        try labelGroup.write("encoding", labels.flatMap { $0.arch.ops.map { UInt8($0.index) } }, shape: [labels.count, NB201Cell.edgeCount])
        try labelGroup.write("seed", labels.map { Int64(bitPattern: $0.seed) })
        let accuracy = try labelGroup.write("accuracy", labels.map(\.accuracy))
        try accuracy.setAttribute("unit", "%")
        try file.flush()
    }
}
