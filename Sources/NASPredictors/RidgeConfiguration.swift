/// ``RidgeRegression``'s hyperparameters.
public struct RidgeConfiguration: Hashable, Sendable, Codable {
    /// The L2 penalty λ (> 0, which also makes the normal equations positive definite). Default 1.
    public var lambda: Double = 1.0

    public init(lambda: Double = 1.0) {
        self.lambda = lambda
    }

    /// - Throws: ``PredictorError/invalidHyperparameter(name:value:expected:)`` unless λ is positive and finite.
    public func validate() throws {
        guard lambda > 0, lambda.isFinite else {
            throw PredictorError.invalidHyperparameter(name: "lambda", value: String(lambda), expected: "> 0 and finite")
        }
    }
}
