import NASTensor
import TestSupport
import XCTest

/// Compares two float32 implementations (oneDNN and the engine's reference) with the shared
/// rule of `Float32Tolerance` (TestSupport): each side lies within `gamma(terms) * magnitude` of
/// the exact value, so they differ by at most `2 * gamma(terms) * magnitude`, where `magnitude`
/// is the same sum over absolute values (`sum_i |a_i b_i|`, from the reference op run on `|x|`,
/// `|w|`, `|g|`) and `terms` the number of roundings one output passes through.
func assertWithinDerivedBound(_ actual: [Float], _ reference: [Float], magnitude: [Float], terms: Int,
                              what: String, file: StaticString = #filePath, line: UInt = #line) {
    let bound = 2 * Float32Tolerance.gamma(terms)
    assertWithinBounds(actual.map(Double.init), reference.map(Double.init), bounds: magnitude.map { bound * Double($0) },
                       what: what + " (oneDNN vs reference)", file: file, line: line)
}

/// Runs `op` on fresh leaves of `inputs` under `backend`, back-propagates `seed`, and returns
/// the output and every input's gradient; with `.onednn` every ``OneDNNOp`` runs on oneDNN
/// (`TensorBackend.withAllOneDNNOps`); fails if a oneDNN run fell back to the reference.
func runWithGradients(_ backend: TensorBackend, _ inputs: [Tensor], seed: [Float], file: StaticString = #filePath,
                      line: UInt = #line, _ op: ([Tensor]) -> Tensor) -> (output: [Float], grads: [[Float]]) {
    TensorBackend.clearFallback()
    let runsBefore = TensorBackend.oneDNNExecutions
    let leaves = inputs.map { Tensor(shape: $0.shape, data: $0.data, requiresGrad: true) }
    // Every oneDNN kernel runs (not only the default set), so each is checked.
    let y = TensorBackend.withAllOneDNNOps { TensorBackend.with(backend) { op(leaves) } }
    TensorBackend.withAllOneDNNOps { TensorBackend.with(backend) { y.backward(seed: seed) } }
    if backend == .onednn {
        if let fallback = TensorBackend.lastFallback {
            XCTFail("oneDNN fell back to the reference: \(fallback)", file: file, line: line)
        }
        XCTAssertGreaterThan(TensorBackend.oneDNNExecutions, runsBefore, "no oneDNN primitive ran", file: file, line: line)
    }
    return (y.data, leaves.map { $0.gradStorage ?? [Float](repeating: 0, count: $0.count) })
}

/// ``helperTestOp`` (NumPy forward check and finite-difference gradient check) run twice: on the
/// reference kernels and with every oneDNN kernel (`TensorBackend.withAllOneDNNOps`).
func helperTestOpBothBackends(_ shapes: [[Int]], kind: InputKind = .uniform(-2, 2), kinds: [InputKind]? = nil,
                              numpy: String?, forward: ForwardBound = .relative(roundings: 1),
                              gradCheck: Bool = true, atol: Double = 3e-3, rtol: Double = 1e-2,
                              seed: UInt64 = 42, file: StaticString = #filePath, line: UInt = #line,
                              _ op: ([Tensor]) -> Tensor) throws {
    try TensorBackend.with(.reference) {
        try helperTestOp(shapes, kind: kind, kinds: kinds, numpy: numpy, forward: forward, gradCheck: gradCheck,
                         atol: atol, rtol: rtol, seed: seed, file: file, line: line, op)
    }
    let runsBefore = TensorBackend.oneDNNExecutions
    try TensorBackend.withAllOneDNNOps {
        try TensorBackend.with(.onednn) {
            try helperTestOp(shapes, kind: kind, kinds: kinds, numpy: numpy, forward: forward, gradCheck: gradCheck,
                             atol: atol, rtol: rtol, seed: seed, file: file, line: line, op)
        }
    }
    XCTAssertGreaterThan(TensorBackend.oneDNNExecutions, runsBefore, "no oneDNN primitive ran", file: file, line: line)
}
