import Foundation
import NASSpaces

/// A toy numerical model of an NB201 cell, independent of the key code: every tensor is a
/// scalar and every op type is one fixed function with `f(0) = 0` (a bias-free op maps the
/// zero tensor to zero). The convolutions are generic nonlinear functions; pooling is
/// either nonlinear too (then only the graph identities hold) or linear, like real 3x3
/// average pooling. Evaluating at generic inputs tells apart any two different expressions,
/// so "same value" here means "same expression modulo the identities of the model".
enum NB201ScalarModel {
    /// The value of node 3 for input `x`.
    static func output(of cell: NB201Cell, input x: Double, linearPooling: Bool) -> Double {
        var nodes = [x]
        for target in 1...3 {
            var sum = 0.0
            for source in 0..<target {
                let value = nodes[source]
                switch cell[NB201Edge.firstIndex(feeding: target) + source] {
                case .none:
                    break
                case .skipConnect:
                    sum += value
                case .norConv1x1:
                    sum += sin(1.37 * value) + 0.29 * value * value
                case .norConv3x3:
                    sum += tanh(0.83 * value) - 0.41 * value * value * value
                case .avgPool3x3:
                    sum += linearPooling ? 0.6137 * value : 0.61 * value + 0.17 * value * value
                }
            }
            nodes.append(sum)
        }
        return nodes[3]
    }

    /// The outputs at two generic inputs.
    static func signature(of cell: NB201Cell, linearPooling: Bool) -> [Double] {
        [0.731, -1.279].map { output(of: cell, input: $0, linearPooling: linearPooling) }
    }
}
