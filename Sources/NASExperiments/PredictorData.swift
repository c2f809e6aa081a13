import NASOracle
import NASPredictors
import NASSpaces

/// The cells and labels a predictor experiment learns from: every labelled row of a table
/// (NB201, NB101 or NAS-Bench-Graph), its features in one encoding, and its label from one column.
///
/// The rows are the table's, whatever part of its space the table covers: on a sample (such as
/// NASLib's 500 NB101 cells) train and test cells are both drawn from the sample.
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
    /// The node and op-class counts of the space's graph encoding (sizes the GCN).
    public let graphShape: (nodeCount: Int, opClassCount: Int)
    /// Rows left out because their label is missing (only with `dropMissingLabels`).
    public let droppedRows: Int

    /// Reads the label column of `query` (its seed must be `.mean` or `.fixed`) and encodes the cells.
    ///
    /// - Throws: ``ExperimentError/badInput(_:)`` for a label column with missing (NaN) values
    ///   unless `dropMissingLabels`;
    ///   ``PredictorError/unsupportedEncoding(_:space:supported:)`` for an encoding the space does
    ///   not define; the oracle's errors for a column the table lacks.
    public init(table: BenchmarkTable, query: Query, encoding: Encoding, dropMissingLabels: Bool) throws {
        try self.init(table.space.encodableSpace, table: table, query: query, encoding: encoding, drop: dropMissingLabels)
    }

    /// The data of `table`, whose cells `space` parses.
    private init(
        _ space: some EncodableSpace, table: BenchmarkTable, query: Query, encoding: Encoding, drop dropMissingLabels: Bool
    ) throws {
        try space.requireSupport(encoding)
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
        let rows = values.indices.filter { values[$0].isFinite }
        let cells = try rows.map { try space.parse(table.archs[$0]) }
        self.column = column
        self.higherIsBetter = resolved.higherIsBetter
        self.rows = rows
        self.labels = rows.map { Double(values[$0]) }
        self.features = space.features(of: cells, as: encoding)
        self.encoding = encoding
        self.graphShape = space.graphShape
        self.droppedRows = missing
    }

    /// Number of labelled cells.
    public var count: Int { rows.count }
}
