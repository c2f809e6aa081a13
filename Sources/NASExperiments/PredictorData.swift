import NASOracle
import NASPredictors
import NASSpaces

/// The cells and labels a predictor experiment learns from: every labelled row of an NB201
/// table, its features in one encoding, and its label from one column.
///
/// Built once per run and shared, read-only, by all trials.
public struct PredictorData: Sendable {
    /// The label column.
    public let column: ColumnKey
    /// Whether larger labels are better (top-k then means the largest).
    public let higherIsBetter: Bool
    /// The table rows used, ascending; position `i` of ``labels`` and ``features`` is row `rows[i]`.
    public let rows: [Int]
    /// The label of each used row.
    public let labels: [Double]
    /// The features of each used row, in ``encoding``.
    public let features: FeatureMatrix
    public let encoding: Encoding
    /// Rows left out because their label is missing (only with `dropMissingLabels`).
    public let droppedRows: Int

    /// Reads the label column of `query` (its seed must be `.mean` or `.fixed`) and encodes the cells.
    ///
    /// - Throws: ``ExperimentError/badInput(_:)`` for a table that is not NB201, or a label
    ///   column with missing (NaN) values unless `dropMissingLabels`; the oracle's errors for a
    ///   column the table lacks.
    public init(table: BenchmarkTable, query: Query, encoding: Encoding, dropMissingLabels: Bool) throws {
        guard table.space == "nb201" else {
            throw ExperimentError.badInput("predictors supports nb201 tables only (this table's space is \(table.space))")
        }
        guard query.seed != .sampled else {
            throw ExperimentError.badInput("predictor labels need one value per cell: use the seed mean or a fixed seed, not sampled")
        }
        let resolved = try TabularOracle(table: table).resolve(query)
        let values = table.columns[resolved.column]
        let column = table.keys[resolved.column]
        let missing = values.lazy.filter { !$0.isFinite }.count
        if missing > 0, !dropMissingLabels {
            throw ExperimentError.badInput(
                "label column \(column.name) has \(missing) missing (NaN) values among \(values.count) cells: "
                    + "pass --drop-missing-labels to leave those cells out, or choose another column")
        }
        let space = NB201Space()
        let rows = values.indices.filter { values[$0].isFinite }
        let cells = try rows.map { try space.parse(table.archs[$0]) }
        self.column = column
        self.higherIsBetter = resolved.higherIsBetter
        self.rows = rows
        self.labels = rows.map { Double(values[$0]) }
        self.features = space.features(of: cells, as: encoding)
        self.encoding = encoding
        self.droppedRows = missing
    }

    /// Number of labelled cells.
    public var count: Int { rows.count }
}
