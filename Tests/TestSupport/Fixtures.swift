import NASOracle
import NASSpaces

/// Small tables built in code, for format and oracle tests. Their numbers are functions of the
/// cell's rank (so every test can recompute them), not benchmark results.
public enum Fixtures {
    public static let accuracyKey = ColumnKey(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200)
    public static let timeKey = ColumnKey(dataset: .cifar10Valid, split: .none, metric: .trainTime, epochs: 200)

    /// The first `count` cells of the NB201 enumeration with a mean accuracy column, two seed
    /// columns (seed 1 missing on every third cell) and a train-time column.
    public static func nb201Table(count: Int = 50) throws -> BenchmarkTable {
        let space = NB201Space()
        let cells = Array(space.allCells.prefix(count))
        var seed0 = [Float](), seed1 = [Float](), mean = [Float](), time = [Float]()
        for cell in cells {
            let a = Float(50 + (cell.rank * 37) % 41)
            let b: Float = cell.rank % 3 == 0 ? .nan : a + 1
            seed0.append(a)
            seed1.append(b)
            mean.append(b.isNaN ? a : (a + b) / 2)
            time.append(Float(1000 + cell.rank))
        }
        var s0 = accuracyKey, s1 = accuracyKey
        s0.seed = 0
        s1.seed = 1
        return try BenchmarkTable(
            space: "nb201", archs: cells.map(space.describe), encodings: cells.flatMap { $0.ops.map { UInt8($0.index) } },
            encodingWidth: 6, benchmarkIndex: cells.map { Int64($0.rank) },
            columns: [accuracyKey: mean, s0: seed0, s1: seed1, timeKey: time],
            metadata: TableMetadata(source: "test fixture", provenance: "{\"fixture\":true}"))
    }

    /// A CSV for the generic importer: `arch_str,idx,acc,params` for the first `count` cells.
    public static func nb201CSV(count: Int = 20) -> String {
        let space = NB201Space()
        var lines = ["arch_str,idx,acc,params"]
        for cell in space.allCells.prefix(count) {
            lines.append("\(space.describe(cell)),\(cell.rank),\(Double(60 + cell.rank % 30) + 0.25),\(0.1 + Double(cell.rank) / 1000)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
