import NASDatasets
import NASSpaces

/// Everything that decides a MetaD2A meta-training database (`nasbench metad2a build-db`): the
/// tasks (how many, their shape, the image sets they come from), the cells per task, the label
/// recipe and the base seed. Recorded under `spec` in the run's `config.json`.
public struct MetaD2ADatabaseSpec: Codable, Sendable, Equatable {
    /// The `experiment` name in `config.json`.
    public static let experiment = "metad2a-db"

    public var tasks = 1
    public var cellsPerTask = 1
    /// Given cells (NB201 strings) instead of uniform draws: every task labels exactly these, in
    /// order (`cells_per_task` is their count). To train chosen cells with the label recipe (e.g.
    /// a generated top cell beside random ones); absent in a database's spec.
    public var cells: [String]?
    public var seed: UInt64 = 0
    /// The pool; cifar10 only when asked for (it is MetaD2A's meta-test set).
    public var sources: [MetaImageSource] = [.fashionMNIST, .digits]
    /// The CIFAR-10 archive, for the cifar10 source (as given; recorded as a ``PathHint``).
    public var cifar = ""
    public var shape = MetaTaskShape()
    public var label = MetaLabelSettings()

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case tasks, cellsPerTask = "cells_per_task", cells, seed, sources, cifar, shape, label
    }

    /// Labels in the database: every task's cells.
    public var labelCount: Int { tasks * cellsPerTask }

    /// Rejects specs no run can do, in one line.
    public func validate() throws {
        guard tasks >= 1 else { throw ExperimentError.badInput("--tasks must be at least 1, got \(tasks)") }
        guard cellsPerTask >= 1, cellsPerTask <= 15_625 else {
            throw ExperimentError.badInput("--cells-per-task must be in 1...15625 (the NB201 cells), got \(cellsPerTask)")
        }
        if let cells {
            guard cells.count == cellsPerTask else {
                throw ExperimentError.badInput("cells_per_task (\(cellsPerTask)) must equal the number of given cells (\(cells.count))")
            }
            var seen = Set<NB201Cell>()
            for text in cells {
                let cell: NB201Cell
                do { cell = try NB201Space().parse(text) } catch {
                    throw ExperimentError.badInput("given cell '\(text)' is not an NB201 cell: \(error)")
                }
                guard seen.insert(cell).inserted else { throw ExperimentError.badInput("given cell '\(text)' appears twice") }
            }
        }
        guard !sources.isEmpty else { throw ExperimentError.badInput("--sources needs at least one image set") }
        if sources.contains(.cifar10), cifar.isEmpty {
            throw ExperimentError.badInput("the cifar10 source needs the CIFAR-10 archive (--cifar)")
        }
        try shape.validate()
        try label.validate()
    }

    /// The spec as `config.json` records it (the archive's path hinted).
    var hinted: Self {
        var spec = self
        if !cifar.isEmpty { spec.cifar = PathHint.hint(for: cifar) }
        return spec
    }
}
