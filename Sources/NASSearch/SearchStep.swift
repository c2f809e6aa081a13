/// What one query of a search returned, and where the search stood after it.
public struct SearchStep: Sendable, Equatable {
    /// 1 for the first query.
    public var query: Int
    /// The table row queried.
    public var row: Int
    /// The search metric as answered (one training seed when seeds are sampled).
    public var searchValue: Float
    /// The test metric of the same cell (seed mean), looked up without charging a query.
    public var testValue: Float
    /// The best answered search value so far.
    public var bestSearchValue: Float
    /// The best test value among the cells queried so far (what an oracle would pick).
    public var bestTestValue: Float
    /// The test value of the incumbent: the cell with the best answered search value so far.
    public var incumbentTestValue: Float
    /// The search column's optimum minus the incumbent's seed-mean search value (>= 0).
    public var searchRegret: Float
    /// The test column's optimum minus the incumbent's test value.
    public var testRegret: Float
    /// Simulated training seconds charged so far.
    public var simulatedSeconds: Double
}

/// The measurements of a finished search.
public struct SearchOutcome: Sendable, Equatable {
    /// Queries made.
    public var queries: Int
    /// The query (1-based) at which an optimal cell of the search metric was first queried, if any.
    public var queriesToSearchOptimum: Int?
    /// The query at which an optimal cell of the test metric was first queried, if any.
    public var queriesToTestOptimum: Int?
    /// Simulated seconds charged up to and including `queriesToSearchOptimum`.
    public var secondsToSearchOptimum: Double?
    /// Queries made when an optimal cell of the search metric was first either queried or
    /// named by the strategy as its predicted best (``SearchSession/recommend(_:)``), if ever:
    /// the WeakNAS authors' protocol, which credits the predictor's top-1 cell without a query.
    /// Equal to `queriesToSearchOptimum` for strategies that recommend nothing.
    public var queriesToSearchOptimumOrRecommended: Int?
    /// Regrets of the incumbent after the last query.
    public var finalSearchRegret: Float
    public var finalTestRegret: Float
    /// Simulated seconds charged in all.
    public var simulatedSeconds: Double
}
