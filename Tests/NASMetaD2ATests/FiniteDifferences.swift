import NASTensor
import XCTest

/// Compares the autodiff gradient of a scalar loss with central differences
/// `(L(p + h e_j) - L(p - h e_j)) / 2h`, `h = 0.01`, for every element of every named parameter
/// (every `stride`-th one for parameters in `strided`), as NASTensorTests' `checkGradients`:
/// `|analytic - numeric| <= atol + rtol |numeric|` with `atol = 3e-3`, `rtol = 1e-2` (the Float32
/// rounding of a loss of a few tens, over `2h`, is ~1e-4; the truncation error `h^2/6 L'''` below 1e-3).
func assertGradientsMatchFiniteDifferences(_ parameters: [(String, Tensor)], strided: Set<String> = [], stride: Int = 1,
                                           atol: Double = 3e-3, rtol: Double = 1e-2,
                                           file: StaticString = #filePath, line: UInt = #line, loss: () -> Tensor) {
    for (_, p) in parameters { p.zeroGrad() }
    loss().backward()
    let h: Float = 0.01
    for (name, p) in parameters {
        let analytic = p.gradStorage ?? [Float](repeating: 0, count: p.count)
        let step = strided.contains(name) ? stride : 1
        var worst = 0.0, at = -1, numericAt = 0.0
        for j in Swift.stride(from: 0, to: p.count, by: step) {
            let original = p.data[j]
            p.withMutableData { $0[j] = original + h }
            let plus = Double(GradMode.withNoGrad { loss() }.item)
            p.withMutableData { $0[j] = original - h }
            let minus = Double(GradMode.withNoGrad { loss() }.item)
            p.withMutableData { $0[j] = original }
            let numeric = (plus - minus) / Double(2 * h)
            let excess = abs(Double(analytic[j]) - numeric) - (atol + rtol * abs(numeric))
            if excess > worst { worst = excess; at = j; numericAt = numeric }
        }
        if at >= 0 {
            XCTFail("gradient of \(name)[\(at)]: autodiff \(analytic[at]), finite differences \(numericAt)", file: file, line: line)
        }
    }
}
