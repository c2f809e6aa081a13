/// A predictor that also reports its uncertainty, for acquisition functions such as
/// ``expectedImprovement(mean:std:best:)``.
public protocol UncertaintyPredictor: Predictor {
    /// Mean and spread of the prediction for every row.
    func predictDistribution(_ features: FeatureMatrix) throws -> PredictiveDistribution
}
