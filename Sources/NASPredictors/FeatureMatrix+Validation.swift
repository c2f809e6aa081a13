extension FeatureMatrix {
    /// Checks a training set: at least one row, one finite label per row, finite features.
    ///
    /// - Throws: ``PredictorError/emptyTrainingSet``, ``PredictorError/labelCountMismatch(rows:labels:)``,
    ///   ``PredictorError/nonFiniteLabel(index:value:)`` or ``PredictorError/nonFiniteFeature(row:column:value:)``.
    public func validateTraining(labels: [Double]) throws {
        guard rowCount > 0 else { throw PredictorError.emptyTrainingSet }
        guard labels.count == rowCount else {
            throw PredictorError.labelCountMismatch(rows: rowCount, labels: labels.count)
        }
        if let index = labels.firstIndex(where: { !$0.isFinite }) {
            throw PredictorError.nonFiniteLabel(index: index, value: labels[index])
        }
        try validateFinite()
    }

    /// Checks a query matrix against the width a model was trained with.
    ///
    /// - Throws: ``PredictorError/featureWidthMismatch(expected:found:row:)`` or
    ///   ``PredictorError/nonFiniteFeature(row:column:value:)``.
    public func validateQuery(expectedWidth: Int) throws {
        guard columnCount == expectedWidth else {
            throw PredictorError.featureWidthMismatch(expected: expectedWidth, found: columnCount, row: nil)
        }
        try validateFinite()
    }

    /// Throws on the first NaN or infinite feature.
    private func validateFinite() throws {
        if let index = values.firstIndex(where: { !$0.isFinite }), columnCount > 0 {
            throw PredictorError.nonFiniteFeature(
                row: index / columnCount, column: index % columnCount, value: values[index])
        }
    }
}
