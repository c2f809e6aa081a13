import Foundation

/// Expected improvement over `best` of a Gaussian prediction `N(mean, std^2)`, for
/// maximisation (Jones, Schonlau & Welch 1998, "Efficient Global Optimization", eq. 15):
///
///     EI = (mean - best) * Phi(z) + std * phi(z),   z = (mean - best) / std,
///
/// with `Phi`/`phi` the standard normal CDF/density. With `std == 0` the prediction is
/// certain and `EI = max(mean - best, 0)`. For metrics where smaller is better, negate
/// `mean` and `best`.
///
/// - Precondition: `std >= 0`.
public func expectedImprovement(mean: Double, std: Double, best: Double) -> Double {
    precondition(std >= 0, "std must be non-negative")
    let gain = mean - best
    guard std > 0 else { return max(gain, 0) }
    let z = gain / std
    let cdf = 0.5 * erfc(-z / 2.0.squareRoot())
    let density = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    return max(0, gain * cdf + std * density)
}

/// Expected improvement of every row of `distribution` over `best` (maximisation).
public func expectedImprovement(_ distribution: PredictiveDistribution, best: Double) -> [Double] {
    zip(distribution.mean, distribution.std).map { expectedImprovement(mean: $0, std: $1, best: best) }
}
