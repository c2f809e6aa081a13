/// A dense matrix of features, one row per cell, stored row-major as `Double`.
///
/// Every predictor consumes and produces this type, whatever the encoding: flat encodings
/// (``Encoding/adjacencyOneHot``, ``Encoding/path``) fill a row directly, and the graph
/// encoding is flattened as documented in ``CellGraph/flattened``.
public struct FeatureMatrix: Hashable, Sendable, Codable {
    /// Number of rows (cells).
    public let rowCount: Int
    /// Number of features per row.
    public let columnCount: Int
    /// The values, row-major: element `(r, c)` is `values[r * columnCount + c]`.
    public let values: [Double]

    /// A matrix from row-major values.
    ///
    /// - Throws: ``PredictorError/featureWidthMismatch(expected:found:row:)`` when
    ///   `values.count != rowCount * columnCount`.
    public init(rowCount: Int, columnCount: Int, values: [Double]) throws {
        guard rowCount >= 0, columnCount >= 0, values.count == rowCount * columnCount else {
            throw PredictorError.featureWidthMismatch(
                expected: rowCount * columnCount, found: values.count, row: nil)
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
    }

    /// A matrix from rows, which must all have the same width.
    ///
    /// - Parameters:
    ///   - rows: the feature vectors.
    ///   - columnCount: the width of every row; needed when `rows` is empty, otherwise
    ///     it defaults to the width of the first row.
    /// - Throws: ``PredictorError/featureWidthMismatch(expected:found:row:)`` naming the first
    ///   row of a different width.
    public init(rows: [[Double]], columnCount: Int? = nil) throws {
        let width = columnCount ?? rows.first?.count ?? 0
        var values: [Double] = []
        values.reserveCapacity(rows.count * width)
        for (index, row) in rows.enumerated() {
            guard row.count == width else {
                throw PredictorError.featureWidthMismatch(expected: width, found: row.count, row: index)
            }
            values += row
        }
        self.rowCount = rows.count
        self.columnCount = width
        self.values = values
    }

    /// Element `(row, column)`.
    public subscript(row: Int, column: Int) -> Double {
        values[row * columnCount + column]
    }

    /// Row `index` as a slice of ``values``.
    public func row(_ index: Int) -> ArraySlice<Double> {
        values[(index * columnCount)..<((index + 1) * columnCount)]
    }

    /// The matrix made of the given rows, in the given order (repeats allowed).
    ///
    /// - Precondition: every index is in `0..<rowCount`.
    public func rows(_ indices: [Int]) -> FeatureMatrix {
        var selected: [Double] = []
        selected.reserveCapacity(indices.count * columnCount)
        for index in indices {
            selected += row(index)
        }
        return FeatureMatrix(unchecked: indices.count, columnCount, selected)
    }

    /// Column-major copy of the values: `columns[c][r]` is element `(r, c)`.
    var columns: [[Double]] {
        (0..<columnCount).map { column in
            (0..<rowCount).map { values[$0 * columnCount + column] }
        }
    }

    /// Internal initializer for shapes already known to agree.
    init(unchecked rowCount: Int, _ columnCount: Int, _ values: [Double]) {
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
    }
}
