import Foundation
import NASTensor

extension NB201Network {
    /// The NASWOT score (Mellor et al., "Neural Architecture Search without Training",
    /// ICML 2021): `log|det K_H|` where `K_H[i][j]` sums, over every ReLU, the number of units
    /// on which images `i` and `j` have the same binary code (active or not).
    ///
    /// - Parameter images: a minibatch `[B, 3, H, W]` (the paper uses B = 128).
    public func naswotScore(images: Tensor) -> Double {
        let b = images.shape[0]
        var kernel = [Double](repeating: 0, count: b * b)
        GradMode.withNoGrad {
            tap.clear()
            tap.isRecording = true
            _ = features(images)
            tap.isRecording = false
            for output in tap.outputs {
                let d = output.count / b
                let codes = Tensor(shape: [b, d], data: output.data.map { $0 > 0 ? 1 : 0 })
                let flipped = Tensor(shape: [b, d], data: codes.data.map { 1 - $0 })
                let agree = codes.matmul(codes, transposeOther: true) + flipped.matmul(flipped, transposeOther: true)
                for (k, v) in agree.data.enumerated() { kernel[k] += Double(v) }
            }
            tap.clear()
        }
        return Self.logAbsDeterminant(kernel, size: b)
    }

    /// `log|det A|` of a square row-major matrix by LU with partial pivoting; `-inf` when singular.
    static func logAbsDeterminant(_ matrix: [Double], size n: Int) -> Double {
        var a = matrix
        var total = 0.0
        for col in 0..<n {
            var pivot = col
            for row in col..<n where abs(a[row * n + col]) > abs(a[pivot * n + col]) { pivot = row }
            let p = a[pivot * n + col]
            guard p != 0 else { return -.infinity }
            if pivot != col { for k in 0..<n { a.swapAt(col * n + k, pivot * n + k) } }
            total += log(abs(p))
            for row in (col + 1)..<n {
                let f = a[row * n + col] / p
                if f == 0 { continue }
                for k in col..<n { a[row * n + k] -= f * a[col * n + k] }
            }
        }
        return total
    }
}
