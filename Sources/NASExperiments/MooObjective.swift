import NASEvaluators
import NASOracle
import NASSpaces

/// The accuracy `nasbench moo` maximises: a table column (the oracle, or another split or
/// fidelity) or random-weight evaluation.
public enum MooAccuracy {
    case column(ColumnKey)
    case rwe(RWEObjective)

    public var name: String {
        switch self {
        case .column(let key): key.name
        case .rwe: "rwe"
        }
    }
}

/// The cost `nasbench moo` minimises: a table column (params, latency, energy, ...) or NB201's
/// FLOPs in closed form.
public enum MooCost: Sendable, Equatable {
    case column(ColumnKey)
    /// Multiply-accumulates in millions of the benchmark's network (`C = 16`, `N = 5`, 32x32
    /// inputs, 10 classes; NB201's `flop` column counts the same way), computed, not read.
    case flops

    /// `flops`, or a column name such as `cifar10.none.params_m` or `cifar100.none.latency_ms.@pi5-onnx`.
    public init(parsing text: String) throws {
        self = text == "flops" ? .flops : .column(try ColumnKey(name: text))
    }

    public var name: String {
        switch self {
        case .column(let key): key.name
        case .flops: "flops"
        }
    }

    /// The cost of every row of `table`.
    public func values(in table: BenchmarkTable) throws -> [Float] {
        switch self {
        case .column(let key):
            return try table.column(key)
        case .flops:
            var values = [Float](repeating: .nan, count: table.rowCount)
            for cell in NB201Space().allCells {
                guard let row = table.row(ofRank: cell.rank) else { continue }
                values[row] = Float(NB201Network.multiplyAccumulates(cell: cell)) / 1e6
            }
            return values
        }
    }
}
