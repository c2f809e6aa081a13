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
            space: .nb201, archs: cells.map(space.describe), encodings: cells.flatMap { $0.ops.map { UInt8($0.index) } },
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

    /// A CSV in NASLib's NB101 encoding (`arch` = row-major 7x7 matrix + 7 op codes, 0 input,
    /// 1 output, 2 maxpool3x3, 3 conv1x1, 4 conv3x3): 5 rows, 3 models. Rows 1-2 are the bare
    /// input->output cell (row 2 has a dangling vertex), rows 4-5 one model with vertices swapped.
    public static func nb101NASLibCSV() -> String {
        func arch(_ edges: [(Int, Int)], _ codes: [Int]) -> String {
            var values = [Int](repeating: 0, count: 49)
            for (source, target) in edges { values[source * 7 + target] = 1 }
            return "\"(" + (values + [0] + codes + [1]).map(String.init).joined(separator: ", ") + ")\""
        }
        let rows = [
            arch([(0, 6)], [4, 4, 4, 4, 4]) + ",10.5,0.5,80.0",
            arch([(0, 6), (0, 1)], [3, 4, 4, 4, 2]) + ",10.5,0.5,81.0",
            arch([(0, 1), (1, 6)], [2, 4, 4, 4, 4]) + ",20.0,0.75,85.5",
            arch([(0, 1), (1, 6), (0, 2), (2, 6)], [4, 3, 4, 4, 4]) + ",30.0,1.0,90.0",
            arch([(0, 1), (1, 6), (0, 2), (2, 6)], [3, 4, 4, 4, 4]) + ",30.0,1.0,91.0",
        ]
        return "arch,flops,params,val_accuracy\n" + rows.joined(separator: "\n") + "\n"
    }
}
