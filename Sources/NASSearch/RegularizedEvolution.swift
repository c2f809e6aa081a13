/// Regularized (aging) evolution (Real, Aggarwal, Huang & Le, AAAI 2019, Algorithm 1).
///
/// Fill a population of `populationSize` random cells; then repeat: draw `sampleSize` members
/// uniformly without replacement, mutate the best of them (the tournament winner) on one edge,
/// query the child, add it and remove the *oldest* member. Defaults are NASLib's for NB201
/// (`naslib/defaults/nb201_defaults.yaml`: `population_size: 30`, `sample_size: 10`).
///
/// The mutation is the space's (``SearchDomain/mutate(_:isAvailable:using:)``; NB201: a random
/// edge and a different op on it, the paper's). Since no cell is queried twice, a mutation that
/// lands on a queried cell is redrawn by the domain's rule (NB201: the parent's remaining one-edge
/// neighbours in random order), and, if that finds none, a random cell.
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
        var population: [(row: Int, fitness: Double)] = []
        while population.count < populationSize, !session.isFinished,
            let row = session.randomAvailableRow(using: &generator)
        {
            population.append((row, session.problem.fitness(try session.query(row))))
        }
        while !session.isFinished, !population.isEmpty {
            var parent = population[0]
            var first = true
            for index in generator.sampleIndices(sampleSize, from: population.count) {
                let member = population[index]
                if first || member.fitness > parent.fitness { parent = member }
                first = false
            }
            guard let child = session.mutate(parent.row, using: &generator) else { return }
            population.append((child, session.problem.fitness(try session.query(child))))
            if population.count > populationSize { population.removeFirst() }
        }
    }
}
