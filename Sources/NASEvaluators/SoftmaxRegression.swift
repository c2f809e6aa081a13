import NASTensor

/// A linear classifier fitted by full-batch softmax regression on standardised features: the
/// mean cross-entropy plus `l2 * |W|^2` (the bias is not penalised), a strictly convex problem.
///
/// Two solvers (``HeadSolver``): `adam`, a fixed number of full-batch Adam steps from zero in
/// single precision (the evaluator's original head, kept so earlier runs reproduce), and `lbfgs`,
/// ``LBFGS`` in double precision until the largest absolute gradient entry is at most
/// ``tolerance`` (at most ``steps`` iterations): the optimum itself, the head "trained to
/// convergence". Either way the fit reports the final objective and gradient in double precision,
/// so whether a head converged is checkable. Milliseconds next to the feature extraction.
public struct SoftmaxRegression: Sendable {
    /// Adam's steps, or L-BFGS's iteration cap.
    public var steps = 300
    /// Adam's learning rate (unused by L-BFGS).
    public var learningRate: Float = 0.05
    public var l2: Float = 1e-4
    public var solver = HeadSolver.adam
    /// L-BFGS stops when the largest absolute gradient entry is at most this.
    public var tolerance = 1e-6

    public init(steps: Int = 300, learningRate: Float = 0.05, l2: Float = 1e-4, solver: HeadSolver = .adam,
                tolerance: Double = 1e-6) {
        self.steps = steps
        self.learningRate = learningRate
        self.l2 = l2
        self.solver = solver
        self.tolerance = tolerance
    }

    /// A fitted head scored on held-out features.
    public struct Fit: Sendable {
        /// Held-out accuracy (fraction) and mean cross-entropy.
        public var accuracy: Double
        public var loss: Double
        /// Steps (Adam) or iterations (L-BFGS) taken.
        public var iterations: Int
        /// The training objective and its largest absolute gradient entry at the fitted weights,
        /// evaluated in double precision.
        public var objective: Double
        public var gradient: Double
        /// With `record`: the objective and gradient at every step (index 0: the zero start).
        public var path: [LBFGS.Step]
    }

    /// Fits on `features` (`[n, d]`) and scores on `testFeatures` (`[m, d]`).
    public func fitAndScore(features: [Float], labels: [Int], testFeatures: [Float], testLabels: [Int],
                            width d: Int, classes: Int, record: Bool = false) -> Fit {
        let n = labels.count, m = testLabels.count
        var mean = [Float](repeating: 0, count: d), std = [Float](repeating: 0, count: d)
        for i in 0..<n { for j in 0..<d { mean[j] += features[i * d + j] / Float(n) } }
        for i in 0..<n { for j in 0..<d { let z = features[i * d + j] - mean[j]; std[j] += z * z / Float(n) } }
        std = std.map { max($0.squareRoot(), 1e-6) }
        func standardise(_ x: [Float], _ rows: Int) -> [Float] {
            var out = x
            for i in 0..<rows { for j in 0..<d { out[i * d + j] = (x[i * d + j] - mean[j]) / std[j] } }
            return out
        }
        let x = standardise(features, n), xt = standardise(testFeatures, m)
        let objective = SoftmaxObjective(features: x.map(Double.init), labels: labels, width: d, classes: classes, l2: Double(l2))
        switch solver {
        case .adam: return fitAdam(x: x, xt: xt, labels: labels, testLabels: testLabels, objective: objective, record: record)
        case .lbfgs:
            let outcome = optimum(objective, record: record)
            let test = SoftmaxObjective(features: xt.map(Double.init), labels: testLabels, width: d, classes: classes, l2: 0)
            let (correct, loss) = test.score(outcome.x)
            return Fit(accuracy: Double(correct) / Double(max(m, 1)), loss: loss, iterations: outcome.iterations,
                       objective: outcome.objective, gradient: outcome.gradient, path: outcome.path)
        }
    }

    /// L-BFGS from zero on `objective` (at most ``steps`` iterations, to ``tolerance``).
    func optimum(_ objective: SoftmaxObjective, record: Bool) -> LBFGS.Outcome {
        LBFGS(maxIterations: steps, tolerance: tolerance)
            .minimize(from: [Double](repeating: 0, count: objective.parameterCount), record: record) { objective($0, &$1) }
    }

    /// The minimiser of the objective on features already standardised (`[n, width]`), by L-BFGS
    /// from zero; `x` holds `W` (`[width, classes]`, row-major) then `b`.
    public func optimum(features: [Double], labels: [Int], width: Int, classes: Int, record: Bool = false) -> LBFGS.Outcome {
        optimum(SoftmaxObjective(features: features, labels: labels, width: width, classes: classes, l2: Double(l2)), record: record)
    }

    /// The objective (mean cross-entropy + `l2 |W|^2`) and its gradient at `theta` (layout as in
    /// ``optimum(features:labels:width:classes:record:)``).
    public func objective(at theta: [Double], features: [Double], labels: [Int], width: Int, classes: Int)
        -> (value: Double, gradient: [Double]) {
        let f = SoftmaxObjective(features: features, labels: labels, width: width, classes: classes, l2: Double(l2))
        var gradient = [Double](repeating: 0, count: f.parameterCount)
        let value = f(theta, &gradient)
        return (value, gradient)
    }

    /// The original head: `steps` full-batch Adam steps from zero in single precision.
    private func fitAdam(x: [Float], xt: [Float], labels: [Int], testLabels: [Int], objective: SoftmaxObjective,
                         record: Bool) -> Fit {
        let n = labels.count, m = testLabels.count, d = objective.width, classes = objective.classes
        let xs = Tensor(shape: [n, d], data: x), xts = Tensor(shape: [m, d], data: xt)
        let w = Tensor.zeros([d, classes], requiresGrad: true)
        let b = Tensor.zeros([classes], requiresGrad: true)
        let optimiser = Adam(parameters: [w, b], learningRate: learningRate)
        var path: [LBFGS.Step] = []
        var gradient = [Double](repeating: 0, count: objective.parameterCount)
        func evaluate() -> (objective: Double, gradient: Double) {
            let f = objective((w.data + b.data).map(Double.init), &gradient)
            return (f, LBFGS.maxAbs(gradient))
        }
        for step in 0..<steps {
            if record { let e = evaluate(); path.append(LBFGS.Step(iteration: step, objective: e.objective, gradient: e.gradient)) }
            optimiser.zeroGrad()
            let loss = (xs.matmul(w) + b).softmaxCrossEntropy(labels: labels) + l2 * (w * w).sum()
            loss.backward()
            optimiser.step()
        }
        let final = evaluate()
        if record { path.append(LBFGS.Step(iteration: steps, objective: final.objective, gradient: final.gradient)) }
        return GradMode.withNoGrad {
            let logits = xts.matmul(w) + b
            let predicted = logits.argmaxRows()
            let correct = zip(predicted, testLabels).filter { $0 == $1 }.count
            let loss = Double(logits.softmaxCrossEntropy(labels: testLabels).item)
            return Fit(accuracy: Double(correct) / Double(max(m, 1)), loss: loss, iterations: steps,
                       objective: final.objective, gradient: final.gradient, path: path)
        }
    }
}

/// How ``SoftmaxRegression`` fits the head.
public enum HeadSolver: String, Codable, CaseIterable, Sendable {
    /// Fixed full-batch Adam steps in single precision (the original head).
    case adam
    /// L-BFGS in double precision to a gradient tolerance (the optimum).
    case lbfgs
}
