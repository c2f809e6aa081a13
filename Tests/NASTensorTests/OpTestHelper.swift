import NASTensor
import TestSupport
import XCTest

/// tinygrad-style `helper_test_op`: checks one op's forward values against a
/// NumPy snippet and its gradient against central finite differences.
///
/// Gradient check: with fixed random weights `w` of the output's shape the
/// scalar `L = sum(op(x) * w)` is differentiated by autodiff and by
/// `(L(x + h e_j) - L(x - h e_j)) / 2h` with `h = 0.01`, accumulating `L` in
/// `Double` from the `Float` outputs.
///
/// Tolerances: the outputs carry Float32 rounding of about `6e-8 * |y|`; summed
/// over at most a few hundred outputs and divided by `2h = 0.02` that is
/// ~1e-5..1e-4 absolute in the numeric gradient. The truncation error of the
/// central difference is `h^2/6 * L''' ~ 2e-5 * L'''`, which for the smooth ops
/// here (|L'''| <~ 50 over the input ranges used) stays below ~1e-3. Hence
/// `|analytic - numeric| <= 3e-3 + 1e-2 * |numeric|` (the relative part covers
/// large gradients, e.g. through `exp`). Forward values are compared against
/// float64 NumPy within the derived Float32 bound `forward` states (`Float32Tolerance`):
/// `gamma(roundings) * magnitude` per element, which holds whatever order a BLAS kernel sums in.
func helperTestOp(_ shapes: [[Int]], kind: InputKind = .uniform(-2, 2), kinds: [InputKind]? = nil,
                  numpy: String?, forward: ForwardBound = .relative(roundings: 1),
                  gradCheck: Bool = true, atol: Double = 3e-3, rtol: Double = 1e-2,
                  seed: UInt64 = 42, file: StaticString = #filePath, line: UInt = #line,
                  _ op: ([Tensor]) -> Tensor) throws {
    var rng = SplitMix64(seed: seed)
    let inputs: [Tensor] = shapes.enumerated().map { i, s in
        makeInput(s, kinds?[i] ?? kind, &rng)
    }
    let y = GradMode.withNoGrad { op(inputs) }
    XCTAssertFalse(y.requiresGrad, "no-grad mode must not record", file: file, line: line)
    // The gradient check runs first: it needs no NumPy, so it still runs
    // (and can fail) when the forward comparison below has to be skipped.
    if gradCheck {
        checkGradients(inputs: inputs, outputShape: y.shape, atol: atol, rtol: rtol, rng: &rng,
                       file: file, line: line, op)
    }
    if let numpy {
        let ref = try NumpyReference.evaluate(numpy, inputs: inputs)
        XCTAssertEqual(y.shape, ref[0].shape, "forward shape vs numpy", file: file, line: line)
        let magnitude: [Double]
        switch forward {
        case .relative:
            magnitude = ref[0].data
        case .multilinear:
            magnitude = try NumpyReference.evaluate(numpy, inputs: inputs.map { x in
                Tensor(shape: x.shape, data: x.data.map { abs($0) })
            })[0].data
        case .magnitude(_, let snippet):
            magnitude = try NumpyReference.evaluate(snippet, inputs: inputs)[0].data
        }
        XCTAssertEqual(magnitude.count, ref[0].data.count, "magnitude shape", file: file, line: line)
        assertWithinFloat32Bound(y.data, ref[0].data, magnitude: magnitude, roundings: forward.roundings,
                                 what: "forward vs numpy", file: file, line: line)
    }
}

/// How a forward result's Float32 error is bounded: `gamma(roundings) * magnitude` per element
/// (`Float32Tolerance` in TestSupport states the rule and why it holds for any summation order).
enum ForwardBound {
    /// `magnitude = |reference|`: ops whose few roundings are relative to the result (elementwise
    /// arithmetic, movement, max). A glibc library function (`expf`, `logf`) counts as 2 roundings.
    case relative(roundings: Int)
    /// `magnitude` = the NumPy snippet evaluated on `|inputs|`: exact for multilinear ops (matmul,
    /// convolution with bias, sums, means, average pooling), whose error is `gamma_K * sum |terms|`.
    case multilinear(roundings: Int)
    /// `magnitude` = another NumPy snippet on the same inputs (assigns `out`): the sum of the absolute
    /// values of the terms rounded, written out for a non-linear op.
    case magnitude(roundings: Int, numpy: String)

    var roundings: Int {
        switch self {
        case .relative(let n), .multilinear(let n), .magnitude(let n, _): return n
        }
    }
}

/// Compares autodiff gradients of `sum(op(inputs) * w)` with central differences.
func checkGradients(inputs: [Tensor], outputShape: [Int], atol: Double, rtol: Double, rng: inout SplitMix64,
                    file: StaticString, line: UInt, _ op: ([Tensor]) -> Tensor) {
    let w = Tensor.randomUniform(outputShape, bound: 1, using: &rng)
    let leaves = inputs.map { Tensor(shape: $0.shape, data: $0.data, requiresGrad: true) }
    let loss = (op(leaves) * w).sum()
    loss.backward()
    func numericLoss(_ xs: [Tensor]) -> Double {
        let out = GradMode.withNoGrad { op(xs) }
        var acc = 0.0
        for (o, wi) in zip(out.data, w.data) { acc += Double(o) * Double(wi) }
        return acc
    }
    let h: Float = 0.01
    for (k, leaf) in leaves.enumerated() {
        var numeric = [Double](repeating: 0, count: leaf.count)
        for j in 0..<leaf.count {
            let probe = inputs.map { Tensor(shape: $0.shape, data: $0.data) }
            var d = probe[k].data
            d[j] = inputs[k].data[j] + h
            probe[k].assign(d)
            let plus = numericLoss(probe)
            d[j] = inputs[k].data[j] - h
            probe[k].assign(d)
            let minus = numericLoss(probe)
            numeric[j] = (plus - minus) / Double(2 * h)
        }
        let analytic = leaf.gradStorage ?? [Float](repeating: 0, count: leaf.count)
        assertClose(analytic, numeric, atol: atol, rtol: rtol, what: "gradient of input \(k)", file: file, line: line)
    }
}

/// One input tensor of `shape` drawn as `kind` describes.
func makeInput(_ shape: [Int], _ kind: InputKind, _ rng: inout SplitMix64) -> Tensor {
    let n = shape.reduce(1, *)
    switch kind {
    case .uniform(let lo, let hi):
        return Tensor(shape: shape, data: (0..<n).map { _ in rng.nextFloat(in: lo..<hi) })
    case .distinct:
        var values = (0..<n).map { Float($0 - n / 2) * 0.05 + 0.025 }
        rng.shuffle(&values)
        return Tensor(shape: shape, data: values)
    }
}

/// Asserts `|a - b| <= atol + rtol * |b|` elementwise, reporting the worst element.
func assertClose(_ a: [Float], _ b: [Double], atol: Double, rtol: Double, what: String,
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, "\(what): sizes differ", file: file, line: line)
    var worst = -1.0, at = -1
    for (i, (x, y)) in zip(a, b).enumerated() {
        let excess = abs(Double(x) - y) - (atol + rtol * abs(y))
        if excess > worst { worst = excess; at = i }
    }
    if worst > 0 {
        XCTFail("\(what): element \(at) is \(a[at]), expected \(b[at]) (atol \(atol), rtol \(rtol))", file: file, line: line)
    }
}
