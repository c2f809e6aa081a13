import NASOracle
import NASSpaces

extension Fixtures {
    public static let paramsKey = ColumnKey(dataset: .cifar10, split: .none, metric: .params)
    public static let latencyKey = ColumnKey(dataset: .cifar100, split: .none, metric: .latency, device: "pi5-onnx")

    /// ``nb201Table(count:)`` (all 15,625 cells by default, so a search finds every cell it
    /// samples) plus a params column (0.1 M + 0.2 M a 3x3 conv + 0.03 M a 1x1 conv) and a
    /// latency column (1 ms + 0.5 ms a conv + 0.1 ms a pooling edge + a rank-dependent jitter).
    public static func nb201CostTable(count: Int = NB201Cell.count) throws -> BenchmarkTable {
        let base = try nb201Table(count: count)
        let space = NB201Space()
        let cells = Array(space.allCells.prefix(count))  // nb201Table's rows
        var params = [Float](), latency = [Float]()
        for cell in cells {
            let ops = cell.ops
            params.append(0.1 + 0.2 * Float(ops.filter { $0 == .norConv3x3 }.count)
                + 0.03 * Float(ops.filter { $0 == .norConv1x1 }.count))
            latency.append(1 + 0.5 * Float(ops.filter { $0 == .norConv3x3 || $0 == .norConv1x1 }.count)
                + 0.1 * Float(ops.filter { $0 == .avgPool3x3 }.count) + Float(cell.rank % 7) / 100)
        }
        var columns: [ColumnKey: [Float]] = [:]
        for key in base.keys { columns[key] = try base.column(key) }
        columns[paramsKey] = params
        columns[latencyKey] = latency
        return try BenchmarkTable(
            space: .nb201, archs: cells.map(space.describe), encodings: cells.flatMap { $0.ops.map { UInt8($0.index) } },
            encodingWidth: 6, benchmarkIndex: cells.map { Int64($0.rank) }, columns: columns,
            metadata: base.metadata)
    }
}
