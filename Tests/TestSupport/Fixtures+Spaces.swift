import NASOracle
import NASSpaces

/// NB101 and NAS-Bench-Graph tables built in code, for predictor and search tests. Their numbers
/// are functions of the cell (so tests can recompute them), not benchmark results.
extension Fixtures {
    public static let nb101AccuracyKey = ColumnKey(dataset: Dataset("cifar10"), split: .valid, metric: .accuracy, epochs: 108)
    public static let nbgraphValidKey = ColumnKey(dataset: Dataset("cora"), split: .valid, metric: .accuracy, epochs: 400)
    public static let nbgraphTestKey = ColumnKey(dataset: Dataset("cora"), split: .test, metric: .accuracy, epochs: 400)

    /// `count` distinct NB101 models drawn with the official sampler from `SplitMix64(seed: 101)`,
    /// in draw order (their canonical forms).
    public static func nb101Models(count: Int) -> [NB101Cell] {
        var generator = SplitMix64(seed: 101)
        var seen: Set<NB101Cell> = []
        var models: [NB101Cell] = []
        while models.count < count {
            guard let model = NB101Space().sample(using: &generator).canonicalForm() else { continue }
            if seen.insert(model).inserted { models.append(model) }
        }
        return models
    }

    /// The NB101 accuracy of the fixtures: 80 + 2 per conv3x3 + 1 per conv1x1 + 0.5 per edge of
    /// the model, + 0.01 x (the model's position in ``nb101Models(count:)``, mod 7).
    public static func nb101Accuracy(_ model: NB101Cell, position: Int) -> Float {
        let convs = model.ops.reduce(0) { $0 + ($1 == .conv3x3 ? 2 : $1 == .conv1x1 ? 1 : 0) }
        return 80 + Float(convs) + 0.5 * Float(model.edgeCount) + 0.01 * Float(position % 7)
    }

    /// An nb101 table of ``nb101Models(count:)`` with one column, ``nb101AccuracyKey``.
    public static func nb101Table(count: Int = 40) throws -> BenchmarkTable {
        let models = nb101Models(count: count)
        var archs: [String] = []
        var encodings: [UInt8] = []
        for model in models {
            let (canonical, bytes) = try CellCodec.nb101.encode(model.description)
            archs.append(canonical)
            encodings += bytes
        }
        return try BenchmarkTable(
            space: .nb101, archs: archs, encodings: encodings, encodingWidth: CellCodec.nb101.encodingWidth,
            benchmarkIndex: models.indices.map(Int64.init),
            columns: [nb101AccuracyKey: models.enumerated().map { nb101Accuracy($0.element, position: $0.offset) }],
            metadata: TableMetadata(source: "test fixture", provenance: "{\"fixture\":true}"))
    }

    /// The NAS-Bench-Graph accuracies of the fixtures: valid 70 + the sum of `op index` per node
    /// + 0.25 x the number of leaf nodes; test the valid value minus 1 on cells with a skip.
    public static func nbgraphAccuracy(_ cell: NBGraphCell) -> (valid: Float, test: Float) {
        let leaves = (1...NBGraphCell.nodeCount).filter { !cell.links.contains($0) }.count
        let valid = 70 + Float(cell.ops.reduce(0) { $0 + $1.index }) + 0.25 * Float(leaves)
        return (valid, cell.ops.contains(.skip) ? valid - 1 : valid)
    }

    /// An nbgraph table of the first `count` architectures (ascending package hash; all 26,206 by
    /// default) with columns ``nbgraphValidKey`` and ``nbgraphTestKey``.
    public static func nbgraphTable(count: Int = NBGraphSpace.architectureCount) throws -> BenchmarkTable {
        let cells = Array(NBGraphSpace().architectures.prefix(count))
        var archs: [String] = []
        var encodings: [UInt8] = []
        for cell in cells {
            let (canonical, bytes) = try CellCodec.nbgraph.encode(cell.description)
            archs.append(canonical)
            encodings += bytes
        }
        let values = cells.map(nbgraphAccuracy)
        return try BenchmarkTable(
            space: .nbgraph, archs: archs, encodings: encodings, encodingWidth: CellCodec.nbgraph.encodingWidth,
            benchmarkIndex: cells.map { Int64($0.packageHash ?? -1) },
            columns: [nbgraphValidKey: values.map(\.valid), nbgraphTestKey: values.map(\.test)],
            metadata: TableMetadata(source: "test fixture", provenance: "{\"fixture\":true}"))
    }
}
