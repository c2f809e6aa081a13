import Foundation
import NASTensor
import XCTest

/// `GRUCell` against a NumPy restatement of `torch.nn.GRUCell`'s documented equations
/// (tools/reference/metad2a_reference.py `gru_cell`, `gru_sequence`), one step and four unrolled
/// steps, within the engine's first-order Float32 bound; gradients to the input, the state and
/// every parameter by finite differences.
final class GRUCellTests: XCTestCase {
    /// Inputs: x [N, in], h [N, H], weight_ih [3H, in], weight_hh [3H, H], bias_ih, bias_hh [3H].
    private static func cell(_ t: [Tensor]) -> GRUCell {
        GRUCell(weightIH: t[2], weightHH: t[3], biasIH: t[4], biasHH: t[5])
    }

    func testOneStep() throws {
        let n = 3, input = 4, hidden = 5
        try helperTestOp([[n, input], [n, hidden], [3 * hidden, input], [3 * hidden, hidden], [3 * hidden], [3 * hidden]],
                         kind: .uniform(-1, 1),
                         numpy: MetaD2AReference.snippet(MetaD2AReference.call("gru_cell", inputs: 6)),
                         forward: MetaD2AReference.bound("gru_cell", inputs: 6)) { t in Self.cell(t)(t[0], t[1]) }
    }

    func testFourUnrolledSteps() throws {
        let steps = 4, n = 2, input = 3, hidden = 4
        try helperTestOp([[steps, n, input], [n, hidden], [3 * hidden, input], [3 * hidden, hidden], [3 * hidden], [3 * hidden]],
                         kind: .uniform(-1, 1),
                         numpy: MetaD2AReference.snippet(MetaD2AReference.call("gru_sequence", inputs: 6)),
                         forward: MetaD2AReference.bound("gru_sequence", inputs: 6)) { t in
            let cell = Self.cell(t)
            var h = t[1], states: [Tensor] = []
            for s in 0..<steps {
                h = cell(t[0].sliced(axis: 0, s..<(s + 1)).reshaped([n, input]), h)
                states.append(h)
            }
            return Tensor.stack(states, axis: 0)
        }
    }

    /// Gates far in saturation (pre-activations of ±200): the state and every gradient stay finite.
    func testSaturatedGatesKeepFiniteGradients() {
        let x = Tensor(shape: [2, 1], data: [200, -200], requiresGrad: true)
        let cell = GRUCell(weightIH: Tensor(repeating: 1, shape: [3, 1], requiresGrad: true),
                           weightHH: Tensor(repeating: 1, shape: [3, 1], requiresGrad: true), biasIH: nil, biasHH: nil)
        let h = cell(x, Tensor(shape: [2, 1], data: [0.5, -0.5]))
        XCTAssertEqual(h.data, [0.5, -1])  // z = 1 keeps the state; z = 0 takes n = tanh(-200) = -1
        h.sum().backward()
        for g in (x.gradStorage ?? []) + (cell.weightIH.gradStorage ?? []) + (cell.weightHH.gradStorage ?? []) {
            XCTAssertTrue(g.isFinite, "gradient \(g)")
        }
        let s = Tensor(shape: [4], data: [-200, -90, 90, 200], requiresGrad: true)
        let y = s.sigmoid()
        XCTAssertEqual(y.data[0], 0)
        XCTAssertEqual(y.data[3], 1)
        y.sum().backward()
        let g = s.gradStorage ?? []
        XCTAssertEqual(g.count, 4)
        XCTAssertEqual([g[0], g[2], g[3]], [0, 0, 0])
        XCTAssertEqual(Double(g[1]) / exp(-90.0), 1, accuracy: 1e-2)  // a subnormal Float
        let t = Tensor(shape: [2], data: [-200, 200], requiresGrad: true)
        XCTAssertEqual(t.tanh().data, [-1, 1])
        t.tanh().sum().backward()
        XCTAssertEqual(t.gradStorage, [0, 0])
    }

    func testWithoutBiasAndFromTheZeroState() throws {
        var rng = SplitMix64(seed: 9)
        let cell = GRUCell(inputSize: 3, hiddenSize: 2, bias: false, using: &rng)
        XCTAssertEqual(cell.namedParameters().map(\.0), ["weight_ih", "weight_hh"])
        let x = Tensor.randomNormal([4, 3], using: &rng)
        XCTAssertEqual(cell(x).data, cell(x, .zeros([4, 2])).data)
        let withZeroBias = GRUCell(weightIH: cell.weightIH, weightHH: cell.weightHH,
                                   biasIH: .zeros([6]), biasHH: .zeros([6]))
        for (a, b) in zip(cell(x).data, withZeroBias(x).data) { XCTAssertEqual(a, b, accuracy: 1e-7) }
    }

    /// PyTorch's names and initialisation: every parameter uniform in ±1/sqrt(H), drawn in the
    /// order weight_ih, weight_hh, bias_ih, bias_hh.
    func testParametersAndInitialisation() {
        var rng = SplitMix64(seed: 21), replay = SplitMix64(seed: 21)
        let cell = GRUCell(inputSize: 7, hiddenSize: 16, using: &rng)
        XCTAssertEqual(cell.namedParameters().map(\.0), ["weight_ih", "weight_hh", "bias_ih", "bias_hh"])
        XCTAssertEqual(cell.namedParameters().map(\.1.shape), [[48, 7], [48, 16], [48], [48]])
        XCTAssertTrue(cell.parameters().allSatisfy(\.requiresGrad))
        for shape in [[48, 7], [48, 16], [48], [48]] {
            let expected = Tensor.randomUniform(shape, bound: 0.25, using: &replay)
            let got = cell.namedParameters().first { $0.1.shape == shape && $0.1.data == expected.data }
            XCTAssertNotNil(got, "parameter \(shape) not drawn in PyTorch's order")
        }
        XCTAssertEqual(rng, replay)
        let values = cell.parameters().flatMap(\.data)
        XCTAssertLessThanOrEqual(values.map(abs).max() ?? 1, 0.25)
        XCTAssertGreaterThan(values.map(abs).max() ?? 0, 0.24)
    }
}
