import NASTensor
import XCTest

/// The Set Transformer blocks as MetaD2A uses them (set_encoder/setenc_modules.py: MAB, SAB,
/// PMA; scores scaled by sqrt(dim_V)) against a NumPy restatement of that code
/// (tools/reference/metad2a_reference.py `mab`, `sab`, `pma`, which splits heads and concatenates
/// them along the batch as the original does), within the engine's first-order Float32 bound;
/// gradients to the inputs and every parameter by finite differences.
final class SetAttentionTests: XCTestCase {
    /// Linear layers over `t[first...]`: (weight, bias) pairs for fc_q, fc_k, fc_v, fc_o.
    private static func block(_ t: [Tensor], from first: Int, heads: Int, norms: Bool = false) -> MultiheadAttentionBlock {
        let l = (0..<4).map { Linear(weight: t[first + 2 * $0], bias: t[first + 2 * $0 + 1]) }
        let ln = norms ? (0..<2).map { LayerNorm(weight: t[first + 8 + 2 * $0], bias: t[first + 9 + 2 * $0]) } : []
        return MultiheadAttentionBlock(fcQ: l[0], fcK: l[1], fcV: l[2], fcO: l[3], numHeads: heads,
                                       ln0: ln.first, ln1: ln.last)
    }

    private static func parameterShapes(dimQ: Int, dimK: Int, dimV: Int) -> [[Int]] {
        [[dimV, dimQ], [dimV], [dimV, dimK], [dimV], [dimV, dimK], [dimV], [dimV, dimV], [dimV]]
    }

    /// Seed 3: every pre-activation of `relu(fc_o(O))` is at least 0.17 from the kink, out of reach
    /// of the finite-difference step (0.01 times inputs of at most ~2). The default seed (42) puts
    /// one at -0.012, which a step of 0.01 on an input of 1.49 crosses.
    func testMAB() throws {
        let shapes = [[2, 3, 5], [2, 4, 6]] + Self.parameterShapes(dimQ: 5, dimK: 6, dimV: 8)
        try helperTestOp(shapes, kind: .uniform(-1, 1),
                         numpy: MetaD2AReference.snippet(MetaD2AReference.call("mab", inputs: 10, "heads=2")),
                         forward: MetaD2AReference.bound("mab", inputs: 10, "heads=2"), seed: 3) { t in
            Self.block(t, from: 2, heads: 2)(t[0], t[1])
        }
    }

    func testMABWithLayerNorms() throws {
        let shapes = [[2, 3, 4], [2, 2, 4]] + Self.parameterShapes(dimQ: 4, dimK: 4, dimV: 6) + [[6], [6], [6], [6]]
        try helperTestOp(shapes, kind: .uniform(-1, 1),
                         numpy: MetaD2AReference.snippet(MetaD2AReference.call("mab", inputs: 10, "heads=3, ln=x[10:14]")),
                         forward: MetaD2AReference.bound("mab", inputs: 14, "heads=3")
                            .replacingArguments("x[10], x[11], x[12], x[13], heads=3", with: "heads=3, ln=x[10:14]")) { t in
            Self.block(t, from: 2, heads: 3, norms: true)(t[0], t[1])
        }
    }

    func testSAB() throws {
        let shapes = [[2, 4, 6]] + Self.parameterShapes(dimQ: 6, dimK: 6, dimV: 8)
        try helperTestOp(shapes, kind: .uniform(-1, 1),
                         numpy: MetaD2AReference.snippet(MetaD2AReference.call("sab", inputs: 9, "heads=4")),
                         forward: MetaD2AReference.bound("sab", inputs: 9, "heads=4")) { t in
            SetAttentionBlock(mab: Self.block(t, from: 1, heads: 4))(t[0])
        }
    }

    func testPMA() throws {
        let shapes = [[2, 5, 8], [1, 2, 8]] + Self.parameterShapes(dimQ: 8, dimK: 8, dimV: 8)
        try helperTestOp(shapes, kind: .uniform(-1, 1),
                         numpy: MetaD2AReference.snippet(MetaD2AReference.call("pma", inputs: 10, "heads=4")),
                         forward: MetaD2AReference.bound("pma", inputs: 10, "heads=4")) { t in
            PoolingByMultiheadAttention(seeds: t[1], mab: Self.block(t, from: 2, heads: 4))(t[0])
        }
    }

    /// SAB is equivariant and PMA invariant to the order of the set's elements.
    func testPermutationSymmetry() {
        var rng = SplitMix64(seed: 8)
        let sab = SetAttentionBlock(dimIn: 6, dimOut: 8, numHeads: 2, using: &rng)
        let pma = PoolingByMultiheadAttention(dim: 8, numHeads: 4, numSeeds: 1, using: &rng)
        let x = Tensor.randomNormal([2, 5, 6], using: &rng)
        let order = [3, 0, 4, 1, 2]
        let permuted = x.indexSelect(axis: 1, indices: order)
        let y = sab(x), yp = sab(permuted)
        for (a, b) in zip(y.indexSelect(axis: 1, indices: order).data, yp.data) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        for (a, b) in zip(pma(y).data, pma(yp).data) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        XCTAssertEqual(pma(y).shape, [2, 1, 8])
    }

    /// PyTorch's state_dict names, and PMA's seeds Xavier-uniform on [1, numSeeds, dim].
    func testNamesAndInitialisation() {
        var rng = SplitMix64(seed: 12)
        let pma = PoolingByMultiheadAttention(dim: 16, numHeads: 4, numSeeds: 3, layerNorm: true, using: &rng)
        XCTAssertEqual(pma.namedParameters().map(\.0), [
            "S", "mab.fc_q.weight", "mab.fc_q.bias", "mab.fc_k.weight", "mab.fc_k.bias", "mab.fc_v.weight", "mab.fc_v.bias",
            "mab.ln0.weight", "mab.ln0.bias", "mab.ln1.weight", "mab.ln1.bias", "mab.fc_o.weight", "mab.fc_o.bias",
        ])
        let bound = (6 / Float(3 * 16 + 16)).squareRoot()
        XCTAssertLessThanOrEqual(pma.seeds.data.map(abs).max() ?? 1, bound)
        XCTAssertGreaterThan(pma.seeds.data.map(abs).max() ?? 0, 0.8 * bound)
        let sab = SetAttentionBlock(dimIn: 5, dimOut: 8, numHeads: 2, using: &rng)
        XCTAssertEqual(sab.namedParameters().map(\.0).first, "mab.fc_q.weight")
        XCTAssertEqual(sab.namedParameters().count, 8)
        XCTAssertEqual(sab.mab.fcK.weight.shape, [8, 5])
    }
}

private extension ForwardBound {
    /// The same bound with part of its NumPy call rewritten (to pass grouped arguments).
    func replacingArguments(_ old: String, with new: String) -> ForwardBound {
        guard case let .magnitude(roundings, numpy) = self else { return self }
        return .magnitude(roundings: roundings, numpy: numpy.replacingOccurrences(of: old, with: new))
    }
}
