import Foundation

/// Brent's bounded scalar minimisation, step for step as SciPy's `minimize_scalar(method='bounded')`
/// (`fminbound`) does it: golden-section steps with parabolic interpolation when acceptable, the
/// same absolute tolerance (`xatol`, default 1e-5), the same `sqrt(2.2e-16)` relative term, the
/// same tie rules and the same iteration cap. EVBMF's rank depends on where this stops, so a
/// different optimiser (or a different tolerance) can change the ranks CONetV2 measures.
public enum BoundedMinimizer {
    public struct Result: Sendable, Equatable {
        public let x: Double
        public let value: Double
        public let evaluations: Int
        /// False when `maxIterations` ran out (SciPy's flag 1).
        public let converged: Bool
    }

    public static func minimize(
        lower: Double, upper: Double, xatol: Double = 1e-5, maxIterations: Int = 500, _ f: (Double) -> Double
    ) -> Result {
        let sqrtEps = (2.2e-16).squareRoot()
        let goldenMean = 0.5 * (3.0 - 5.0.squareRoot())
        var a = lower, b = upper
        var fulc = a + goldenMean * (b - a)
        var nfc = fulc, xf = fulc
        var rat = 0.0, e = 0.0
        var x = xf
        var fx = f(x)
        var evaluations = 1
        var ffulc = fx, fnfc = fx
        var xm = 0.5 * (a + b)
        var tol1 = sqrtEps * abs(xf) + xatol / 3.0
        var tol2 = 2.0 * tol1
        var converged = true
        func sign(_ v: Double) -> Double { v > 0 ? 1 : (v < 0 ? -1 : 0) }
        while abs(xf - xm) > tol2 - 0.5 * (b - a) {
            var golden = true
            if abs(e) > tol1 {
                golden = false
                var r = (xf - nfc) * (fx - ffulc)
                var q = (xf - fulc) * (fx - fnfc)
                var p = (xf - fulc) * q - (xf - nfc) * r
                q = 2.0 * (q - r)
                if q > 0 { p = -p }
                q = abs(q)
                r = e
                e = rat
                if abs(p) < abs(0.5 * q * r), p > q * (a - xf), p < q * (b - xf) {
                    rat = p / q
                    x = xf + rat
                    if x - a < tol2 || b - x < tol2 {
                        let si = sign(xm - xf) + (xm - xf == 0 ? 1 : 0)
                        rat = tol1 * si
                    }
                } else {
                    golden = true
                }
            }
            if golden {
                e = xf >= xm ? a - xf : b - xf
                rat = goldenMean * e
            }
            let si = sign(rat) + (rat == 0 ? 1 : 0)
            x = xf + si * max(abs(rat), tol1)
            let fu = f(x)
            evaluations += 1
            if fu <= fx {
                if x >= xf { a = xf } else { b = xf }
                fulc = nfc; ffulc = fnfc
                nfc = xf; fnfc = fx
                xf = x; fx = fu
            } else {
                if x < xf { a = x } else { b = x }
                if fu <= fnfc || nfc == xf {
                    fulc = nfc; ffulc = fnfc
                    nfc = x; fnfc = fu
                } else if fu <= ffulc || fulc == xf || fulc == nfc {
                    fulc = x; ffulc = fu
                }
            }
            xm = 0.5 * (a + b)
            tol1 = sqrtEps * abs(xf) + xatol / 3.0
            tol2 = 2.0 * tol1
            if evaluations >= maxIterations {
                converged = false
                break
            }
        }
        return Result(x: xf, value: fx, evaluations: evaluations, converged: converged)
    }
}
