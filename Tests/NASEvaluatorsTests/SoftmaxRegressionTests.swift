import NASCore
import NASTensor
import TestSupport
import XCTest

@testable import NASEvaluators

/// The random-weight evaluator's head: its objective against finite differences, its L-BFGS
/// optimum against scikit-learn's multinomial LogisticRegression (tools/reference/
/// softmax_head_reference.py), and the two solvers through `fitAndScore`.
final class SoftmaxRegressionTests: XCTestCase {
    struct Reference: Decodable {
        let n: Int, d: Int, k: Int, l2: Double
        let features: [Double], labels: [Int], weights: [Double], bias: [Double]
        let objective: Double
    }

    static func reference(seed: Int, n: Int, d: Int, k: Int, l2: Double) throws -> Reference {
        try ReferencePython.require(["numpy", "sklearn"])
        let output = try ReferencePython.runTool("reference/softmax_head_reference.py", ["\(seed)", "\(n)", "\(d)", "\(k)", "\(l2)"])
        return try JSONDecoder().decode(Reference.self, from: output)
    }

    /// Small random problem: features, labels, a parameter point.
    static func problem(n: Int, d: Int, k: Int, seed: UInt64) -> (x: [Double], y: [Int], theta: [Double]) {
        var rng = SplitMix64(seed: seed)
        let x = (0..<(n * d)).map { _ in rng.nextDouble(in: -2..<2) }
        let y = (0..<n).map { _ in rng.nextIndex(below: k) }
        let theta = (0..<(d * k + k)).map { _ in rng.nextDouble(in: -1..<1) }
        return (x, y, theta)
    }

    func testObjectiveGradientMatchesCentralDifferences() {
        let (n, d, k) = (37, 5, 4)
        let (x, y, theta) = Self.problem(n: n, d: d, k: k, seed: 7)
        let head = SoftmaxRegression(l2: 0.01)
        let (_, gradient) = head.objective(at: theta, features: x, labels: y, width: d, classes: k)
        let h = 1e-6
        for p in theta.indices {
            var plus = theta, minus = theta
            plus[p] += h
            minus[p] -= h
            let numeric = (head.objective(at: plus, features: x, labels: y, width: d, classes: k).value
                - head.objective(at: minus, features: x, labels: y, width: d, classes: k).value) / (2 * h)
            // Central differences in double: truncation O(h^2) plus round-off ~1e-16 / h.
            XCTAssertEqual(gradient[p], numeric, accuracy: 1e-8, "parameter \(p)")
        }
    }

    func testOptimumMatchesScikitLearn() throws {
        for (seed, n, d, k) in [(1, 600, 12, 5), (2, 2000, 32, 10), (3, 300, 64, 10)] {
            let r = try Self.reference(seed: seed, n: n, d: d, k: k, l2: 1e-3)
            let head = SoftmaxRegression(steps: 5000, l2: Float(r.l2), solver: .lbfgs, tolerance: 1e-8)
            let l2 = Double(head.l2)
            let outcome = head.optimum(features: r.features, labels: r.labels, width: d, classes: k)
            XCTAssertTrue(outcome.converged, "seed \(seed): gradient \(outcome.gradient) after \(outcome.iterations)")
            // scikit-learn's point under our objective, with l2 as the head holds it (float32 1e-3).
            let theirs = r.weights + r.bias
            let atTheirs = head.objective(at: theirs, features: r.features, labels: r.labels, width: d, classes: k).value
            // Our objective at their point against numpy's (same formula, l2 rounded alike): 1e-12 relative.
            let numpyAtTheirs = r.objective + (l2 - r.l2) * r.weights.reduce(0) { $0 + $1 * $1 }
            XCTAssertEqual(atTheirs, numpyAtTheirs, accuracy: 1e-12 * abs(numpyAtTheirs), "seed \(seed): objective")
            // Ours is the optimum: no worse than theirs, and the same point. Strong convexity
            // (at least 2 l2) bounds the distance to the optimum by |gradient| / (2 l2). (Below a
            // gradient of about 1e-9 the objective's round-off stops any line search: 1e-8 is near the floor.)
            XCTAssertLessThanOrEqual(outcome.objective, atTheirs + 1e-12, "seed \(seed)")
            let distance = zip(outcome.x, theirs).map { abs($0 - $1) }.max() ?? 0
            XCTAssertLessThan(distance, 1e-4, "seed \(seed): max |ours - sklearn|")
        }
    }

    func testLBFGSReachesTheOptimumThatAdamApproaches() {
        // Two well-separated classes in 3-D; both solvers through fitAndScore, same test set.
        var rng = SplitMix64(seed: 11)
        func draw(_ count: Int) -> ([Float], [Int]) {
            var x: [Float] = [], y: [Int] = []
            for i in 0..<count {
                let label = i % 3
                y.append(label)
                for j in 0..<4 { x.append(Float(j == label ? 1.5 : 0) + rng.nextNormal()) }
            }
            return (x, y)
        }
        let (x, y) = draw(300), (xt, yt) = draw(300)
        let adam = SoftmaxRegression(steps: 300, solver: .adam)
            .fitAndScore(features: x, labels: y, testFeatures: xt, testLabels: yt, width: 4, classes: 3, record: true)
        let lbfgs = SoftmaxRegression(steps: 1000, solver: .lbfgs, tolerance: 1e-8)
            .fitAndScore(features: x, labels: y, testFeatures: xt, testLabels: yt, width: 4, classes: 3, record: true)
        XCTAssertLessThanOrEqual(lbfgs.gradient, 1e-8)
        XCTAssertLessThan(lbfgs.iterations, 1000)
        XCTAssertLessThanOrEqual(lbfgs.objective, adam.objective + 1e-12, "L-BFGS's optimum is at least as low")
        XCTAssertEqual(adam.iterations, 300)
        XCTAssertEqual(adam.path.count, 301, "every step and the end")
        XCTAssertEqual(lbfgs.path.count, lbfgs.iterations + 1)
        XCTAssertEqual(lbfgs.path.last?.objective, lbfgs.objective)
        // L-BFGS's path only descends (Armijo); it starts at the zero point's log(3).
        XCTAssertEqual(lbfgs.path[0].objective, log(3), accuracy: 1e-12)
        for (a, b) in zip(lbfgs.path, lbfgs.path.dropFirst()) { XCTAssertLessThan(b.objective, a.objective) }
        XCTAssertGreaterThan(lbfgs.accuracy, 0.6)
        // Deterministic.
        let again = SoftmaxRegression(steps: 1000, solver: .lbfgs, tolerance: 1e-8)
            .fitAndScore(features: x, labels: y, testFeatures: xt, testLabels: yt, width: 4, classes: 3)
        XCTAssertEqual(again.objective, lbfgs.objective)
        XCTAssertEqual(again.accuracy, lbfgs.accuracy)
        XCTAssertTrue(again.path.isEmpty)
    }
}
