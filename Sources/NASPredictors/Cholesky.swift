/// Solves symmetric positive-definite linear systems by Cholesky factorisation, `A = L Lᵀ`.
public enum Cholesky {
    /// Solves `A x = b` for `x`; `a` is `n x n`, row-major (only its lower triangle is read).
    ///
    /// - Throws: ``PredictorError/notPositiveDefinite`` if a pivot is not positive.
    public static func solve(_ a: [Double], n: Int, _ b: [Double]) throws -> [Double] {
        guard a.count == n * n, b.count == n else { throw PredictorError.invalidHyperparameter(name: "n", value: String(n), expected: "a.count == n * n and b.count == n") }
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { throw PredictorError.notPositiveDefinite }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        // Forward substitution L y = b, then back substitution Lᵀ x = y.
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
            y[i] /= l[i * n + i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { x[i] -= l[k * n + i] * x[k] }
            x[i] /= l[i * n + i]
        }
        return x
    }
}
