import NASTensor
import XCTest

/// Float32 rounding bound for comparing two float32 implementations of a sum of `terms`
/// products: `|a - b| <= c * terms * eps32 * magnitude`, where `magnitude` is the same sum taken
/// over absolute values (`sum_i |a_i b_i|`, computed by running the reference op on `|x|`,
/// `|w|`, `|g|`), `eps32 = 2^-24`, and `c = 2` because each side may err by up to
/// `terms * eps32 * magnitude` (the standard bound on recursive or blocked summation).
func assertWithinDerivedBound(_ actual: [Float], _ reference: [Float], magnitude: [Float], terms: Int,
                              c: Double = 2, what: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, reference.count, "\(what): sizes differ", file: file, line: line)
    XCTAssertEqual(actual.count, magnitude.count, "\(what): magnitude size differs", file: file, line: line)
    let eps32 = pow(2.0, -24.0)
    var worst = 0.0, at = -1
    for i in actual.indices {
        let bound = c * Double(terms) * eps32 * Double(magnitude[i])
        let err = abs(Double(actual[i]) - Double(reference[i]))
        // Ratio of error to bound; a zero bound needs exact equality.
        let ratio = bound > 0 ? err / bound : (err == 0 ? 0 : .infinity)
        if ratio > worst { worst = ratio; at = i }
    }
    if worst > 1 {
        XCTFail("\(what): element \(at) is \(actual[at]), reference \(reference[at]), error exceeds the derived float32 bound "
                + "(\(terms) terms, magnitude \(magnitude[at])) by \(String(format: "%.2f", worst))x", file: file, line: line)
    }
}

/// Runs `op` on fresh leaves of `inputs` under `backend`, back-propagates `seed`, and returns
/// the output and every input's gradient; fails if a oneDNN run fell back to the reference.
func runWithGradients(_ backend: TensorBackend, _ inputs: [Tensor], seed: [Float], file: StaticString = #filePath,
                      line: UInt = #line, _ op: ([Tensor]) -> Tensor) -> (output: [Float], grads: [[Float]]) {
    TensorBackend.clearFallback()
    let leaves = inputs.map { Tensor(shape: $0.shape, data: $0.data, requiresGrad: true) }
    let y = TensorBackend.with(backend) { op(leaves) }
    TensorBackend.with(backend) { y.backward(seed: seed) }
    if backend == .onednn, let fallback = TensorBackend.lastFallback {
        XCTFail("oneDNN fell back to the reference: \(fallback)", file: file, line: line)
    }
    return (y.data, leaves.map { $0.gradStorage ?? [Float](repeating: 0, count: $0.count) })
}
