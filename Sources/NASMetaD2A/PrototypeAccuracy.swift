/// Nearest-class-prototype accuracy of features (the prototypical-network rule of Snell, Swersky
/// and Zemel, 2017): a class's prototype is the mean feature of its support rows; a query belongs
/// to the prototype at the least squared Euclidean distance (ties to the lower way). Features are
/// a row-major `[rows, dimension]` matrix.
public enum PrototypeAccuracy {
    /// Queries classified correctly and queries in all, for one episode.
    public struct Count: Equatable, Sendable {
        public var correct: Int
        public var total: Int
        public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

        public init(correct: Int, total: Int) {
            self.correct = correct
            self.total = total
        }
    }

    /// Per way, the mean of its support rows' features.
    public static func prototypes(features: [Float], dimension: Int, support: [[Int]]) -> [[Double]] {
        support.map { rows in
            var sum = [Double](repeating: 0, count: dimension)
            for r in rows {
                let base = r * dimension
                for d in 0..<dimension { sum[d] += Double(features[base + d]) }
            }
            return sum.map { $0 / Double(rows.count) }
        }
    }

    /// The way whose prototype is nearest to `row`'s feature.
    public static func nearest(features: [Float], dimension: Int, row: Int, prototypes: [[Double]]) -> Int {
        var best = 0, bestDistance = Double.infinity
        let base = row * dimension
        for (way, prototype) in prototypes.enumerated() {
            var distance = 0.0
            for d in 0..<dimension {
                let delta = Double(features[base + d]) - prototype[d]
                distance += delta * delta
            }
            if distance < bestDistance {
                best = way
                bestDistance = distance
            }
        }
        return best
    }

    /// How many of `episode`'s queries are nearest to their own class's prototype.
    public static func count(features: [Float], dimension: Int, episode: PrototypeEpisode) -> Count {
        let centres = prototypes(features: features, dimension: dimension, support: episode.support)
        var result = Count(correct: 0, total: 0)
        for (way, rows) in episode.queries.enumerated() {
            for row in rows {
                result.total += 1
                if nearest(features: features, dimension: dimension, row: row, prototypes: centres) == way { result.correct += 1 }
            }
        }
        return result
    }
}
