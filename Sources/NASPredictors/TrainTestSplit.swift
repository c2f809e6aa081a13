import NASSpaces

/// A random split of `count` cells (row indices `0..<count`) into a training set and a
/// held-out test set.
public struct TrainTestSplit: Hashable, Sendable, Codable {
    /// Training rows, in the order drawn.
    public let train: [Int]
    /// Test rows, ascending.
    public let test: [Int]

    /// Draws `trainSize` distinct training rows uniformly (a partial Fisher-Yates shuffle using
    /// `nextUniform(below:)`, so a seeded generator gives the same split on every platform);
    /// the test set is `testSize` further distinct rows, or all remaining rows when `nil`.
    ///
    /// - Throws: ``PredictorError/emptyTrainingSet`` for `trainSize < 1`,
    ///   ``PredictorError/trainSizeTooLarge(requested:available:)`` when `trainSize > count`,
    ///   ``PredictorError/splitTooLarge(train:test:available:)`` when both do not fit.
    public init(
        count: Int, trainSize: Int, testSize: Int? = nil, using generator: inout some RandomNumberGenerator
    ) throws {
        guard trainSize >= 1 else { throw PredictorError.emptyTrainingSet }
        guard trainSize <= count else {
            throw PredictorError.trainSizeTooLarge(requested: trainSize, available: count)
        }
        let testCount = testSize ?? (count - trainSize)
        guard testCount >= 0, trainSize + testCount <= count else {
            throw PredictorError.splitTooLarge(train: trainSize, test: testCount, available: count)
        }
        var rows = Array(0..<count)
        for position in 0..<(trainSize + testCount) where position < count - 1 {
            let other = position + Int(generator.nextUniform(below: UInt64(count - position)))
            rows.swapAt(position, other)
        }
        train = Array(rows[0..<trainSize])
        test = rows[trainSize..<(trainSize + testCount)].sorted()
    }
}
