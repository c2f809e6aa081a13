/// Limited-memory BFGS for smooth unconstrained problems in double precision (Nocedal & Wright,
/// "Numerical Optimization", 2nd ed., Algorithm 7.4's two-loop recursion and 7.5), with a
/// backtracking line search on the Armijo condition.
///
/// Made for the random-weight evaluator's head, a strictly convex problem (L2-penalised softmax
/// regression), where it reaches a gradient of 1e-6 in a few hundred iterations and so makes
/// "trained to convergence" checkable. A correction pair is kept only when its curvature
/// `s.y` is positive (always the case on a strictly convex objective), so every direction is a
/// descent direction. Deterministic: no randomness, fixed operation order.
public struct LBFGS: Sendable {
    /// Correction pairs kept (scikit-learn's and SciPy's default is 10).
    public var memory = 10
    public var maxIterations = 1000
    /// Converged when the largest absolute gradient entry is at most this.
    public var tolerance = 1e-6

    public init(memory: Int = 10, maxIterations: Int = 1000, tolerance: Double = 1e-6) {
        self.memory = memory
        self.maxIterations = maxIterations
        self.tolerance = tolerance
    }

    /// One point of the optimisation path: the objective and the largest absolute gradient
    /// entry at the start of `iteration` (iteration 0 is the starting point).
    public struct Step: Sendable, Equatable {
        public var iteration: Int
        public var objective: Double
        public var gradient: Double
    }

    public struct Outcome: Sendable {
        public var x: [Double]
        public var objective: Double
        /// The largest absolute gradient entry at `x`.
        public var gradient: Double
        /// Iterations taken (line searches that moved `x`).
        public var iterations: Int
        public var converged: Bool
        /// Every iterate's objective and gradient when `record` was set, else empty.
        public var path: [Step]
    }

    /// Minimises `f` from `start`. `f(x, &g)` returns the objective at `x` and writes its gradient
    /// into `g` (same length as `x`).
    public func minimize(from start: [Double], record: Bool = false,
                         _ f: (_ x: [Double], _ gradient: inout [Double]) -> Double) -> Outcome {
        let n = start.count
        var x = start, g = [Double](repeating: 0, count: n)
        var fx = f(x, &g)
        var path: [Step] = []
        var gMax = Self.maxAbs(g)
        if record { path.append(Step(iteration: 0, objective: fx, gradient: gMax)) }
        var sHistory: [[Double]] = [], yHistory: [[Double]] = [], rhoHistory: [Double] = []
        var iterations = 0
        var direction = [Double](repeating: 0, count: n), alphas = [Double](repeating: 0, count: memory)
        var trial = x, trialGradient = g
        while gMax > tolerance, iterations < maxIterations {
            // Two-loop recursion: direction = -H g, H0 = (s.y / y.y) I from the newest pair.
            for i in 0..<n { direction[i] = -g[i] }
            let pairs = sHistory.count
            for j in stride(from: pairs - 1, through: 0, by: -1) {
                let a = rhoHistory[j] * Self.dot(sHistory[j], direction)
                alphas[j] = a
                for i in 0..<n { direction[i] -= a * yHistory[j][i] }
            }
            if pairs > 0 {
                let last = pairs - 1
                let gamma = Self.dot(sHistory[last], yHistory[last]) / Self.dot(yHistory[last], yHistory[last])
                for i in 0..<n { direction[i] *= gamma }
            } else {
                // First step: unit length along the steepest descent.
                let norm = Self.dot(g, g).squareRoot()
                for i in 0..<n { direction[i] /= max(norm, 1) }
            }
            for j in 0..<pairs {
                let beta = rhoHistory[j] * Self.dot(yHistory[j], direction)
                for i in 0..<n { direction[i] += (alphas[j] - beta) * sHistory[j][i] }
            }
            var slope = Self.dot(g, direction)
            if !(slope < 0) {
                // Not a descent direction (only after round-off): restart from steepest descent.
                sHistory.removeAll(); yHistory.removeAll(); rhoHistory.removeAll()
                for i in 0..<n { direction[i] = -g[i] }
                slope = -Self.dot(g, g)
            }
            // Backtracking on the Armijo condition f(x + t d) <= f(x) + 1e-4 t g.d.
            var step = 1.0, accepted = false, fTrial = fx
            for _ in 0..<60 {
                for i in 0..<n { trial[i] = x[i] + step * direction[i] }
                fTrial = f(trial, &trialGradient)
                if fTrial.isFinite, fTrial <= fx + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            guard accepted, fTrial < fx || Self.maxAbs(trialGradient) < gMax else { break }
            var s = [Double](repeating: 0, count: n), y = [Double](repeating: 0, count: n)
            for i in 0..<n { s[i] = trial[i] - x[i]; y[i] = trialGradient[i] - g[i] }
            let sy = Self.dot(s, y)
            if sy > 1e-12 * Self.dot(y, y) {
                if sHistory.count == memory { sHistory.removeFirst(); yHistory.removeFirst(); rhoHistory.removeFirst() }
                sHistory.append(s); yHistory.append(y); rhoHistory.append(1 / sy)
            }
            swap(&x, &trial)
            swap(&g, &trialGradient)
            fx = fTrial
            gMax = Self.maxAbs(g)
            iterations += 1
            if record { path.append(Step(iteration: iterations, objective: fx, gradient: gMax)) }
        }
        return Outcome(x: x, objective: fx, gradient: gMax, iterations: iterations, converged: gMax <= tolerance, path: path)
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    static func maxAbs(_ a: [Double]) -> Double { a.reduce(0) { max($0, abs($1)) } }
}
