import NASSpaces

/// NSGA-II over NB201 cells (Deb et al., IEEE TEC 2002): binary tournament on (rank, crowding),
/// uniform crossover of the six ops, single-edge mutation, elitist selection of the next
/// population by non-dominated fronts and crowding distance. Objectives are minimised.
public struct NSGA2: Sendable {
    public var populationSize = 50
    public var generations = 20
    /// Probability that a child comes from uniform crossover rather than a copy of one parent.
    public var crossoverRate = 0.9

    public init(populationSize: Int = 50, generations: Int = 20, crossoverRate: Double = 0.9) {
        self.populationSize = populationSize
        self.generations = generations
        self.crossoverRate = crossoverRate
    }

    /// The final population and its objectives, plus every cell evaluated (distinct).
    public struct Outcome: Sendable {
        public var population: [NB201Cell]
        public var objectives: [[Double]]
        public var evaluated: [NB201Cell: [Double]]
    }

    /// Runs the search; `objectives` is called once per distinct cell. `onGeneration` sees the
    /// population after the initial sampling (generation 0) and after every generation, with its
    /// objectives and the number of distinct cells evaluated so far.
    public func run(objectives: (NB201Cell) throws -> [Double],
                    onGeneration: ((_ generation: Int, _ population: [NB201Cell], _ objectives: [[Double]],
                                    _ evaluations: Int) throws -> Void)? = nil,
                    using rng: inout some RandomNumberGenerator) throws -> Outcome {
        guard populationSize >= 4, generations >= 0 else {
            throw SearchError.badInput("NSGA-II needs a population of at least 4 and generations >= 0")
        }
        var cache: [NB201Cell: [Double]] = [:]
        func evaluate(_ cell: NB201Cell) throws -> [Double] {
            if let known = cache[cell] { return known }
            let value = try objectives(cell)
            cache[cell] = value
            return value
        }
        let space = NB201Space()
        var population = (0..<populationSize).map { _ in space.sample(using: &rng) }
        var points = try population.map(evaluate)
        try onGeneration?(0, population, points, cache.count)
        for generation in stride(from: 1, through: generations, by: 1) {
            let (rank, crowd) = Self.rankAndCrowding(points)
            func tournament() -> Int {
                let a = rng.nextIndex(below: population.count), b = rng.nextIndex(below: population.count)
                if rank[a] != rank[b] { return rank[a] < rank[b] ? a : b }
                return crowd[a] >= crowd[b] ? a : b
            }
            var children: [NB201Cell] = []
            while children.count < populationSize {
                let p = population[tournament()], q = population[tournament()]
                var ops = p.ops
                if rng.nextUnitDouble() < crossoverRate {
                    for e in 0..<NB201Cell.edgeCount where rng.nextIndex(below: 2) == 1 { ops[e] = q.ops[e] }
                }
                let edge = rng.nextIndex(below: NB201Cell.edgeCount)
                let others = NB201Op.allCases.filter { $0 != ops[edge] }
                ops[edge] = others[rng.nextIndex(below: others.count)]
                children.append(NB201Cell(ops: ops))
            }
            let merged = population + children
            let mergedPoints = try points + children.map(evaluate)
            var next: [Int] = []
            for front in Pareto.nonDominatedSort(mergedPoints) {
                if next.count + front.count <= populationSize {
                    next += front
                } else {
                    let distance = Pareto.crowdingDistance(front, mergedPoints)
                    let order = front.indices.sorted { distance[$0] != distance[$1] ? distance[$0] > distance[$1] : front[$0] < front[$1] }
                    next += order.prefix(populationSize - next.count).map { front[$0] }
                }
                if next.count == populationSize { break }
            }
            population = next.map { merged[$0] }
            points = next.map { mergedPoints[$0] }
            try onGeneration?(generation, population, points, cache.count)
        }
        return Outcome(population: population, objectives: points, evaluated: cache)
    }

    /// Front rank and crowding distance of every point.
    static func rankAndCrowding(_ points: [[Double]]) -> (rank: [Int], crowd: [Double]) {
        var rank = [Int](repeating: 0, count: points.count), crowd = [Double](repeating: 0, count: points.count)
        for (r, front) in Pareto.nonDominatedSort(points).enumerated() {
            for (i, d) in zip(front, Pareto.crowdingDistance(front, points)) {
                rank[i] = r
                crowd[i] = d
            }
        }
        return (rank, crowd)
    }
}
