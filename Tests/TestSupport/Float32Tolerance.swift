import XCTest

/// How far a Float32 result may lie from an exact (float64) reference: one rule, derived from the
/// standard model of floating-point arithmetic, used by every numeric test.
///
/// ## The rule
/// With unit roundoff `u = 2^-24` (Float32, round to nearest), every operation satisfies
/// `fl(a op b) = (a op b)(1 + d)`, `|d| <= u`. A value computed with `n` roundings in sequence
/// carries a relative error of at most `gamma_n = n u / (1 - n u)` (Higham, *Accuracy and Stability
/// of Numerical Algorithms*, 2nd ed., Lemma 3.1). For a sum of `K` terms in **any** order, with any
/// blocking or fused multiply-adds, the error is bounded by `gamma_(K-1) * sum |t_i|`, and for a dot
/// product `sum a_i b_i` by `gamma_K * sum |a_i b_i|` (ibid. eqs. 3.4-3.5). So the bound scales
/// with the **magnitude** `M = sum |terms|`, not with `|result|`: a result near zero that is the
/// sum of large terms of both signs may legitimately be wrong in every digit relative to itself,
/// and a tolerance relative to `|result|` fails as soon as a BLAS library picks another kernel
/// (Haswell vs. Cooperlake/SkylakeX sum in different orders).
///
/// Each comparison therefore states two numbers per element:
/// - `roundings`: how many roundings one output passes through (`K` for a K-term accumulation,
///   plus the few of the surrounding arithmetic), and
/// - `magnitude`: the sum of the absolute values of everything that was rounded. For a
///   multilinear op (matmul, convolution, sum, mean, average pooling) that is the same op applied
///   to `|inputs|`, exactly; for other ops each test writes it out.
///
/// and asserts `|actual - reference| <= gamma(roundings) * magnitude`. The bound is a worst case
/// (rounding errors usually grow like `sqrt(K)`), yet still far tighter than any bug: a wrong index
/// or a dropped term changes a result by about `|term| ~ magnitude / K`, which is larger than
/// `K u * magnitude` for every `K < 2^12` used in the tests.
///
/// Library functions (`expf`, `logf` of glibc) are within 1 ulp, so each counts as one rounding;
/// the float64 reference's own error (`2^-53` per operation) is below the Float32 bound by a factor
/// `2^29` and is ignored.
public enum Float32Tolerance {
    /// Unit roundoff of IEEE single precision with round to nearest.
    public static let unitRoundoff = 0x1p-24

    /// `gamma_n = n u / (1 - n u)`: the relative error bound of `n` successive roundings.
    public static func gamma(_ n: Int) -> Double {
        let nu = Double(max(n, 1)) * unitRoundoff
        precondition(nu < 0.5, "gamma(\(n)): too many roundings for a meaningful Float32 bound")
        return nu / (1 - nu)
    }

    /// Per-element bounds `gamma(roundings) * magnitude[i]`.
    public static func bounds(roundings: Int, magnitude: [Double]) -> [Double] {
        let g = gamma(roundings)
        return magnitude.map { g * abs($0) }
    }
}

/// Asserts `|actual[i] - reference[i]| <= gamma(roundings) * magnitude[i]` for every element and
/// reports the worst element with its bound (see `Float32Tolerance`).
public func assertWithinFloat32Bound(
    _ actual: [Float], _ reference: [Double], magnitude: [Double], roundings: Int, what: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    assertWithinBounds(actual.map(Double.init), reference,
                       bounds: Float32Tolerance.bounds(roundings: roundings, magnitude: magnitude),
                       what: what, file: file, line: line)
}

/// Asserts `|actual[i] - reference[i]| <= bounds[i]`, reporting the element that exceeds its bound
/// by the largest factor.
public func assertWithinBounds(
    _ actual: [Double], _ reference: [Double], bounds: [Double], what: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    guard actual.count == reference.count, bounds.count == reference.count else {
        XCTFail("\(what): sizes differ (\(actual.count) values, \(reference.count) references, \(bounds.count) bounds)",
                file: file, line: line)
        return
    }
    var worst = 0.0, at = -1
    for i in actual.indices {
        let error = abs(actual[i] - reference[i])
        guard error.isFinite || actual[i] == reference[i] else { worst = .infinity; at = i; break }
        if error > bounds[i] {
            let ratio = bounds[i] > 0 ? error / bounds[i] : .infinity
            if ratio > worst { worst = ratio; at = i }
        }
    }
    if at >= 0 {
        XCTFail("\(what): element \(at) is \(actual[at]), expected \(reference[at]) within \(bounds[at]) "
                + "(error \(abs(actual[at] - reference[at])), \(worst)x the Float32 bound)", file: file, line: line)
    }
}
