import Foundation
import NASTensor

/// Empirical variational Bayes matrix factorisation (Nakajima, Sugiyama, Babacan, Tomioka, "Global
/// analytic solution of fully-observed variational Bayesian matrix factorization", JMLR 14, 2013;
/// and "Perfect dimensionality recovery by variational Bayesian PCA", NIPS 2012): the rank of the
/// signal in a noisy matrix and its shrunk singular values, with the noise variance estimated.
///
/// As CONetV2 (and AdaS before it) computes it, for an L x M matrix with L <= M (a wider matrix
/// is transposed) and H = L:
/// - alpha = L/M, tau-bar = 2.5129 sqrt(alpha), x-bar = (1 + tau-bar)(1 + alpha/tau-bar);
/// - the noise variance sigma2 minimises the EVB free energy over
///   [max(s_{h+1}^2 / (M x-bar), mean(s_{h+1...}^2) / M), (sum s^2) / (L M)], with
///   h = min(ceil(L/(1 + alpha)) - 1, H) - 1 (0-based), by SciPy's bounded Brent method
///   (``BoundedMinimizer``, absolute tolerance 1e-5);
/// - the kept components are those with s > sqrt(M sigma2 x-bar), each shrunk to
///   s/2 (1 - (L+M) sigma2/s^2 + sqrt((1 - (L+M) sigma2/s^2)^2 - 4 L M sigma2^2/s^4)).
public struct EVBMF: Sendable, Equatable {
    /// Rows and columns after orientation (L <= M).
    public let l: Int, m: Int
    /// The matrix's singular values, largest first.
    public let singularValues: [Double]
    /// The estimated noise variance.
    public let sigma2: Double
    /// The shrunk singular values of the kept components (their count is the rank).
    public let kept: [Double]
    /// Whether the bounded minimiser converged within its 500 evaluations.
    public let converged: Bool

    public var rank: Int { kept.count }

    /// EVBMF of the row-major `rows` x `columns` matrix.
    ///
    /// - Parameter transposeTall: whether a matrix with more rows than columns is transposed first
    ///   (the method's definition). CONetV2's layer metric does not: its EVBMF takes L = rows and
    ///   M = columns as given, with H = L in the bounds and H = min(L, M) (the number of singular
    ///   values) in the free energy; ``LayerQuality`` passes false to measure what the authors do.
    public init(_ matrix: [Double], rows: Int, columns: Int, transposeTall: Bool = true) throws {
        guard rows >= 0, columns >= 0, matrix.count == rows * columns else {
            throw InvalidInput(why: "\(matrix.count) values for a \(rows) x \(columns) matrix")
        }
        let svd = try SVD(matrix, rows: rows, columns: columns, vectors: false)
        try self.init(singularValues: svd.values, rows: rows, columns: columns, transposeTall: transposeTall)
    }

    /// Why EVBMF gives no answer: SciPy's bounded minimiser refuses a search interval whose lower
    /// bound exceeds its upper bound, or that is not finite (CONetV2 then keeps the layer's previous
    /// value, or 0 in the first epoch).
    public struct Refused: Error, CustomStringConvertible, Sendable, Equatable {
        public let lower: Double, upper: Double
        public var description: String { "EVBMF: the noise-variance interval [\(lower), \(upper)] is empty or not finite" }
    }

    /// Input EVBMF cannot take: an empty matrix, or singular values that are not the
    /// min(rows, columns) finite, non-negative values of a matrix, largest first.
    public struct InvalidInput: Error, CustomStringConvertible, Sendable, Equatable {
        public let why: String
        public var description: String { "EVBMF: \(why)" }
    }

    /// EVBMF from the singular values of a `rows` x `columns` matrix (largest first).
    public init(singularValues s: [Double], rows: Int, columns: Int, transposeTall: Bool = true) throws {
        guard rows > 0, columns > 0 else { throw InvalidInput(why: "a \(rows) x \(columns) matrix has no singular values") }
        guard s.count == min(rows, columns) else {
            throw InvalidInput(why: "\(s.count) singular values for a \(rows) x \(columns) matrix (expected \(min(rows, columns)))")
        }
        guard s.allSatisfy({ $0.isFinite && $0 >= 0 }), zip(s, s.dropFirst()).allSatisfy({ $0 >= $1 }) else {
            throw InvalidInput(why: "singular values must be finite, non-negative and largest first")
        }
        let l = transposeTall ? min(rows, columns) : rows, m = transposeTall ? max(rows, columns) : columns
        self.l = l
        self.m = m
        singularValues = s
        let h = l
        let lf = Double(l), mf = Double(m)
        let alpha = lf / mf
        let tauBar = 2.5129 * alpha.squareRoot()
        let xBar = (1 + tauBar) * (1 + alpha / tauBar)
        let residual = 0.0  // H = L: every singular value is kept in the sums
        let upper = (Self.numpySum(s.map { $0 * $0 }) + residual) / (lf * mf)
        let eH = Int(min((lf / (1 + alpha)).rounded(.up) - 1, Double(h))) - 1
        let tail = s[(eH + 1)...]
        let lower = max(s[eH + 1] * s[eH + 1] / (mf * xBar), Self.numpySum(tail.map { $0 * $0 }) / Double(tail.count) / mf)
        guard lower.isFinite, upper.isFinite, lower <= upper else { throw Refused(lower: lower, upper: upper) }
        let result = BoundedMinimizer.minimize(lower: lower, upper: upper) { sigma2 in
            Self.freeEnergy(sigma2: sigma2, l: lf, m: mf, h: Double(s.count), s: s, residual: residual, xBar: xBar)
        }
        let sigma2 = result.x
        self.sigma2 = sigma2
        converged = result.converged
        let threshold = (mf * sigma2 * (1 + tauBar) * (1 + alpha / tauBar)).squareRoot()
        kept = s.filter { $0 > threshold }.map { value in
            let ratio = (lf + mf) * sigma2 / (value * value)
            return value / 2 * (1 - ratio + ((1 - ratio) * (1 - ratio) - 4 * lf * mf * sigma2 * sigma2 / pow(value, 4)).squareRoot())
        }
    }

    /// The EVB free energy as a function of the noise variance (up to constants).
    static func freeEnergy(sigma2: Double, l: Double, m: Double, h: Double, s: [Double], residual: Double, xBar: Double)
        -> Double
    {
        let alpha = l / m
        var below: [Double] = [], above: [Double] = [], logRatio: [Double] = [], logTau: [Double] = []
        for value in s {
            let x = value * value / (m * sigma2)
            if x > xBar {
                let tau = 0.5 * (x - (1 + alpha) + ((x - (1 + alpha)) * (x - (1 + alpha)) - 4 * alpha).squareRoot())
                above.append(x - tau)
                logRatio.append(log((tau + 1) / x))
                logTau.append(log(tau / alpha + 1))
            } else {
                below.append(x - log(x))
            }
        }
        return numpySum(below) + numpySum(above) + numpySum(logRatio) + alpha * numpySum(logTau)
            + residual / (m * sigma2) + (l - h) * log(sigma2)
    }

    /// A sum in NumPy's order (its pairwise summation: below 8 terms one by one, otherwise eight
    /// interleaved partial sums combined as a tree, then the remainder; blocks of 128 are halved
    /// recursively), so that the free energy the minimiser compares is NumPy's to the last bit
    /// wherever the logarithms agree.
    static func numpySum(_ a: [Double]) -> Double { numpySum(a[...]) }

    static func numpySum(_ a: ArraySlice<Double>) -> Double {
        let n = a.count, start = a.startIndex
        if n < 8 {
            var total = 0.0
            for value in a { total += value }
            return total
        }
        if n <= 128 {
            var r = (0..<8).map { a[start + $0] }
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += a[start + i + j] }
                i += 8
            }
            var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n {
                total += a[start + i]
                i += 1
            }
            return total
        }
        var half = n / 2
        half -= half % 8
        return numpySum(a[start..<(start + half)]) + numpySum(a[(start + half)...])
    }
}
