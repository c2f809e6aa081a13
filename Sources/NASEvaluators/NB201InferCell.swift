import NASSpaces
import NASTensor

/// One NB201 cell with fixed operations (NB201's `InferCell`): node `j` is the sum over
/// edges `j <- i` of `op(node i)`; node 3 is the output. `none` edges are left out of the
/// sum (NB201 multiplies by zero, which adds nothing), `skip_connect` is the identity,
/// `avg_pool_3x3` excludes padding from the divisor (`count_include_pad=False`).
final class NB201InferCell: Module, BatchNormHolder {
    let cell: NB201Cell
    /// The convolution of each edge, or `nil` for parameter-free operations.
    let convs: [ReLUConvBN?]

    init(_ cell: NB201Cell, channels: Int, init scheme: InitScheme, tap: ActivationTap,
         using rng: inout some RandomNumberGenerator) {
        self.cell = cell
        convs = cell.ops.map { op in
            switch op {
            case .norConv1x1:
                ReLUConvBN(channels, channels, kernel: 1, stride: 1, padding: 0, init: scheme, tap: tap, using: &rng)
            case .norConv3x3:
                ReLUConvBN(channels, channels, kernel: 3, stride: 1, padding: 1, init: scheme, tap: tap, using: &rng)
            case .none, .skipConnect, .avgPool3x3: nil
            }
        }
    }

    func callAsFunction(_ x: Tensor) -> Tensor {
        var nodes = [x]
        for target in 1...NB201Edge.computedNodeCount {
            var sum: Tensor?
            for source in 0..<target {
                let edge = NB201Edge.firstIndex(feeding: target) + source
                guard let y = apply(edge: edge, to: nodes[source]) else { continue }
                sum = sum.map { $0 + y } ?? y
            }
            nodes.append(sum ?? Tensor.zeros(x.shape))
        }
        return nodes[NB201Edge.computedNodeCount]
    }

    /// The edge's operation applied to `x`; `nil` for `none`.
    private func apply(edge: Int, to x: Tensor) -> Tensor? {
        switch cell[edge] {
        case .none: nil
        case .skipConnect: x
        case .avgPool3x3: x.avgPool2dExcludingPadding(kernel: 3, padding: 1)
        case .norConv1x1, .norConv3x3: convs[edge].map { $0(x) }
        }
    }

    func namedParameters() -> [(String, Tensor)] {
        convs.enumerated().flatMap { edge, conv in
            conv.map { prefixedNames("edges.\(NB201Edge.all[edge]).0", $0.namedParameters()) } ?? []
        }
    }

    func namedBuffers() -> [(String, Tensor)] {
        convs.enumerated().flatMap { edge, conv in
            conv.map { prefixedNames("edges.\(NB201Edge.all[edge]).0", $0.namedBuffers()) } ?? []
        }
    }

    func setTraining(_ training: Bool) { for conv in convs { conv?.setTraining(training) } }

    var batchNorms: [BatchNorm2d] { convs.compactMap { $0?.bn } }
}
