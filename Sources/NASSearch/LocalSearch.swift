/// Local search (White, Nolen, Zela & Hutter, "Local search is state of the art for neural
/// architecture search benchmarks", 2020/2021), in NASLib's form.
///
/// Query `initialSamples` random cells and start from the best. Then repeat: query every
/// unqueried neighbour of the current cell (``SearchDomain/neighbours(ofRow:)``; NB201: one edge
/// away), in random order; if the best neighbour
/// (counting neighbours queried earlier, with their earlier answers) beats the current cell,
/// move there; otherwise the current cell is a local optimum: restart from one new random
/// cell. `initialSamples` is NASLib's NB201 default `num_init: 10`
/// (`naslib/defaults/nb201_defaults.yaml`).
public struct LocalSearch: SearchStrategy {
    /// Random cells queried before the first climb (NASLib NB201 default 10).
    public var initialSamples: Int

    public init(initialSamples: Int = 10) throws {
        guard initialSamples > 0 else { throw SearchError.badInput("local search needs at least one initial sample") }
        self.initialSamples = initialSamples
    }

    public var name: String { "local" }

    public var hyperparameters: [String: Hyperparameter] { ["initial_samples": .int(initialSamples)] }

    public func run(_ session: SearchSession, using generator: inout some RandomNumberGenerator) throws {
        var current: (row: Int, fitness: Double)? = nil
        var starts = 0
        while !session.isFinished {
            guard let here = current else {
                current = try start(count: starts == 0 ? initialSamples : 1, session, using: &generator)
                starts += 1
                if current == nil { return }
                continue
            }
            var neighbours = session.neighbours(of: here.row)
            generator.shuffle(&neighbours)
            var best = here
            for neighbour in neighbours {
                let value: Float
                if session.isAvailable(neighbour) {
                    if session.isFinished { return }
                    value = try session.query(neighbour)
                } else if let earlier = session.answer(for: neighbour) {
                    value = earlier
                } else {
                    continue  // an isomorphic cell was queried instead; skip it
                }
                let fitness = session.problem.fitness(value)
                if fitness > best.fitness { best = (neighbour, fitness) }
            }
            current = best.row == here.row ? nil : best
        }
    }

    /// Queries `count` random cells and returns the best (nil if none could be queried).
    private func start(count: Int, _ session: SearchSession, using generator: inout some RandomNumberGenerator)
        throws -> (row: Int, fitness: Double)?
    {
        var best: (row: Int, fitness: Double)? = nil
        for _ in 0..<count {
            guard !session.isFinished, let row = session.randomAvailableRow(using: &generator) else { break }
            let fitness = session.problem.fitness(try session.query(row))
            if best == nil || fitness > (best?.fitness ?? -.infinity) { best = (row, fitness) }
        }
        return best
    }
}
