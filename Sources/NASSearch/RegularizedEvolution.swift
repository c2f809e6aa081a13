import NASSpaces

/// Regularized (aging) evolution (Real, Aggarwal, Huang & Le, AAAI 2019, Algorithm 1).
///
/// Fill a population of `populationSize` random cells; then repeat: draw `sampleSize` members
/// uniformly without replacement, mutate the best of them (the tournament winner) on one edge,
/// query the child, add it and remove the *oldest* member. Defaults are NASLib's for NB201
/// (`naslib/defaults/nb201_defaults.yaml`: `population_size: 30`, `sample_size: 10`).
///
/// Since no cell is queried twice, a mutation that lands on a queried cell is redrawn: first a
/// random edge and a different op on it (the paper's mutation), then the parent's remaining
/// one-edge neighbours in random order, and, if all of those were queried, a random cell.
public struct RegularizedEvolution: SearchStrategy {
    /// Population size P (NASLib NB201 default 30).
    public var populationSize: Int
    /// Tournament sample size S (NASLib NB201 default 10).
    public var sampleSize: Int

    public init(populationSize: Int = 30, sampleSize: Int = 10) throws {
        guard populationSize > 0, sampleSize > 0 else {
            throw SearchError.badInput("evolution needs a positive population and sample size")
        }
        self.populationSize = populationSize
        self.sampleSize = sampleSize
    }

    public var name: String { "evolution" }

    public var hyperparameters: [String: Hyperparameter] {
        ["population_size": .int(populationSize), "sample_size": .int(sampleSize)]
    }

    public func run(_ session: SearchSession, using generator: inout some RandomNumberGenerator) throws {
        // Oldest first; removing the first member is O(P), negligible next to a query's bookkeeping.
        var population: [(cell: NB201Cell, fitness: Double)] = []
        while population.count < populationSize, !session.isFinished,
            let cell = session.randomAvailableCell(using: &generator)
        {
            population.append((cell, session.problem.fitness(try session.query(cell))))
        }
        while !session.isFinished, !population.isEmpty {
            var parent = population[0]
            var first = true
            for index in generator.sampleIndices(sampleSize, from: population.count) {
                let member = population[index]
                if first || member.fitness > parent.fitness { parent = member }
                first = false
            }
            guard let child = mutate(parent.cell, session, using: &generator) else { return }
            population.append((child, session.problem.fitness(try session.query(child))))
            if population.count > populationSize { population.removeFirst() }
        }
    }

    /// A one-edge mutation of `parent` that may still be queried (see the type's notes).
    func mutate(_ parent: NB201Cell, _ session: SearchSession, using generator: inout some RandomNumberGenerator)
        -> NB201Cell?
    {
        let edge = generator.nextIndex(below: NB201Cell.edgeCount)
        var op = generator.nextIndex(below: NB201Op.count - 1)
        if op >= parent[edge].index { op += 1 }
        if let newOp = NB201Op(index: op) {
            let child = parent.replacing(edge: edge, with: newOp)
            if session.isAvailable(child) { return child }
        }
        var neighbours = NB201Space().neighbours(of: parent)
        generator.shuffle(&neighbours)
        if let child = neighbours.first(where: session.isAvailable) { return child }
        return session.randomAvailableCell(using: &generator)
    }
}
