import NASOracle
import NASPredictors
import NASSearch
import NASSpaces
import TestSupport

/// Problems and strategies shared by the search tests.
enum SearchFixtures {
    static let searchQuery = Query(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200, seed: .sampled)
    static let meanQuery = Query(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200, seed: .mean)
    static let testQuery = Query(dataset: .cifar10, split: .test, metric: .accuracy, epochs: 200)

    /// The fixture table's first `count` cells; its only accuracy column serves as search and test metric.
    static func problem(count: Int = 50, seed: SeedChoice = .sampled, uniqueness: IsomorphismRule = .none) throws
        -> SearchProblem
    {
        var search = searchQuery
        search.seed = seed
        return try SearchProblem(table: try Fixtures.nb201Table(count: count), search: search, test: meanQuery, uniqueness: uniqueness)
    }

    /// The real NB201 problem: cifar10-valid valid accuracy (seeds as given), cifar10 test reported.
    static func realProblem(seed: SeedChoice = .sampled) throws -> SearchProblem {
        var search = searchQuery
        search.seed = seed
        return try SearchProblem(table: try RealData.nb201Table(), search: search, test: testQuery)
    }

    /// Every strategy, with small hyperparameters for small tables.
    static func strategies(small: Bool) throws -> [any SearchStrategy] {
        [
            RandomSearch(),
            try RegularizedEvolution(populationSize: small ? 10 : 30, sampleSize: small ? 5 : 10),
            try LocalSearch(initialSamples: small ? 3 : 10),
            try WeakNAS(model: PredictorRankingModel<RidgeRegression>(name: "ridge-onehot", configuration: RidgeConfiguration()), initialSamples: small ? 5 : 10, topN: small ? 10 : 100, batchSize: small ? 3 : 10),
        ]
    }

    /// Runs one trial and returns its session.
    static func run(_ strategy: any SearchStrategy, _ problem: SearchProblem, budget: SearchBudget, seed: UInt64) throws
        -> SearchSession
    {
        let session = SearchSession(problem: problem, budget: budget, noiseSeed: seed &+ 1)
        var generator = SplitMix64(seed: seed)
        try strategy.run(session, using: &generator)
        return session
    }
}
