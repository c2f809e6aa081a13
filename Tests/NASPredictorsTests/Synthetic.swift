import NASPredictors
import NASSpaces

/// Seeded synthetic data for predictor and metric tests.
enum Synthetic {
    /// A uniform double in [0, 1) with 53 random bits.
    static func uniform(_ rng: inout SplitMix64) -> Double {
        Double(rng.next() >> 11) * 0x1p-53
    }

    /// `count` values `x` and `y = sign * x + noise * e`, optionally rounded to `decimals`
    /// (rounding makes ties).
    static func pairs(
        count: Int, seed: UInt64, sign: Double = 1, noise: Double = 0.5, decimals: Int? = nil
    ) -> (x: [Double], y: [Double]) {
        var rng = SplitMix64(seed: seed)
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<count {
            let a = uniform(&rng)
            let b = sign * a + noise * (uniform(&rng) - 0.5)
            x.append(round(a, decimals))
            y.append(round(b, decimals))
        }
        return (x, y)
    }

    /// Rounds to `decimals` places when given.
    static func round(_ value: Double, _ decimals: Int?) -> Double {
        guard let decimals else { return value }
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        return (value * scale).rounded() / scale
    }

    /// A regression task on NB201 cells: adjacency one-hot features and a label that depends
    /// on the ops (convolutions help, `none` on the input-output edge hurts) plus noise.
    static func nb201Task(count: Int, seed: UInt64) -> (features: FeatureMatrix, labels: [Double]) {
        var rng = SplitMix64(seed: seed)
        let space = NB201Space()
        let cells = (0..<count).map { _ in space.sample(using: &rng) }
        let labels = cells.map { cell -> Double in
            let convs = cell.ops.filter(\.isParametric).count
            let direct = cell[3] == NB201Op.none ? -3.0 : 0.0
            return 80 + 2 * Double(convs) + direct + uniform(&rng)
        }
        return (space.features(of: cells, as: .adjacencyOneHot), labels)
    }
}
