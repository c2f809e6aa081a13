import Foundation
import NASCore
import NASDatasets
import NASExperiments
import NASOracle
import NASSpaces

/// A tiny MetaD2A meta-training setup on disk: a database of `tasks` 3-way tasks x `cells` cells
/// over the synthetic image set of ``MetaD2ADatabaseTests`` (labels a function of the cell plus
/// noise, no training), and a feature file of random 8-d features for every image of that set.
struct MetaD2AFixture {
    static let dimension = 8
    let folder: String
    let member: MetaTaskPool.Member

    var database: String { folder + "/db.h5" }
    var features: String { folder + "/features.h5" }

    init(tasks: Int = 4, cells: Int = 5, name: String, nanAccuracy: Bool = false) throws {
        folder = NSTemporaryDirectory() + "metad2a-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        member = try MetaD2ADatabaseTests.pool().members[0]
        var spec = MetaD2ADatabaseSpec()
        spec.tasks = tasks
        spec.cellsPerTask = cells
        spec.sources = [.digits]
        spec.shape = MetaTaskShape(ways: 3, trainPerClass: 8, validPerClass: 2)
        let pool = try MetaTaskPool(members: [member])
        let taskList = try (0..<tasks).map { try MetaTask.sample(index: $0, seed: 1, pool: pool, shape: spec.shape) }
        var rng = SplitMix64(seed: 11)
        var labels: [MetaD2ADatabaseFile.Label] = []
        for t in 0..<tasks {
            for (k, rank) in rng.sampleIndices(cells, from: NB201Cell.count).enumerated() {
                guard let cell = NB201Cell(rank: rank) else { continue }
                let convs = cell.ops.filter { $0 == .norConv3x3 || $0 == .norConv1x1 }.count
                let accuracy: Double = 60 + 5 * Double(convs) + Double(t) + rng.nextDouble(in: 0..<2)
                labels.append(MetaD2ADatabaseFile.Label(task: t, cell: k, arch: cell, seed: UInt64(t * cells + k), accuracy: accuracy))
            }
        }
        if nanAccuracy { labels[0].accuracy = .nan }
        let provenance = "{\"sources\":[{\"name\":\"digits\",\"sha256\":\"\(member.digest)\"}]}"
        try MetaD2ADatabaseFile(spec: spec, tasks: taskList, labels: labels, provenance: provenance).write(to: database)
        try Self.featureFile(member, digest: member.digest).write(to: features)
    }

    /// Random features of every image of `member`, rows grouped by class; `digest` as the set's SHA-256.
    static func featureFile(_ member: MetaTaskPool.Member, digest: String, drop: Int = 0) -> EncoderFeatureFile {
        var rng = SplitMix64(seed: 5)
        let rows = member.classImages.map { Array($0.dropFirst(drop)) }
        let order = rows.flatMap { $0 }
        let labels = rows.enumerated().flatMap { c, list in [Int](repeating: c, count: list.count) }
        let features = (0..<(order.count * dimension)).map { _ in rng.nextFloat(in: -1..<1) }
        return EncoderFeatureFile(source: "digits", encoder: "random test features", features: features, dimension: dimension,
                                  labels: labels, indices: order, classNames: member.images.classNames,
                                  provenance: "{\"source\":{\"name\":\"digits\",\"sha256\":\"\(digest)\"}}")
    }

    /// The fixture table's accuracy of the cell of rank `rank`: 78.0 ... 91.9.
    static func accuracy(rank: Int) -> Float { Float(780 + (rank * 37) % 140) / 10 }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }

    /// The files of two run folders that must be equal (all but `timing.csv`).
    static func differingFiles(_ a: String, _ b: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: a).filter { $0 != "timing.csv" && $0 != ".lock" }.sorted()
        return names.filter { FileManager.default.contents(atPath: "\(a)/\($0)") != FileManager.default.contents(atPath: "\(b)/\($0)") }
    }

    /// An NB201 table of every cell with a `cifar10.test.accuracy.e200` column (a function of the rank).
    static func table(at path: String) throws {
        let space = NB201Space()
        let cells = space.allCells
        let key = ColumnKey(dataset: .cifar10, split: .test, metric: .accuracy, epochs: 200)
        try BenchmarkTable(
            space: .nb201, archs: cells.map(space.describe), encodings: cells.flatMap { $0.ops.map { UInt8($0.index) } },
            encodingWidth: 6, benchmarkIndex: cells.map { Int64($0.rank) }, columns: [key: cells.map { Self.accuracy(rank: $0.rank) }],
            metadata: TableMetadata(source: "test fixture", provenance: "{\"fixture\":true}")).write(to: path)
    }
}
