/// One summary statistic of a regression suite: the mean of a metric over seeded trials, with
/// its spread, under a stable identifier such as `predictors/rf/n=100/kendall_tau`.
public struct RegressionStatistic: Sendable, Equatable {
    /// `predictors`, `search` or `rwe`.
    public var experiment: String
    /// `rf/n=100` (predictor and train size), `evolution` (strategy) or `rwe_accuracy` (an RWE run's score).
    public var group: String
    /// The metric's column name, e.g. `kendall_tau` or `queries_to_search_optimum`.
    public var metric: String
    public var higherIsBetter: Bool
    public var mean: Double
    /// Sample standard deviation over the trials (NaN for fewer than two).
    public var std: Double
    public var trials: Int

    public init(experiment: String, group: String, metric: String, higherIsBetter: Bool, summary: SummaryStatistics) {
        self.init(
            experiment: experiment, group: group, metric: metric, higherIsBetter: higherIsBetter, mean: summary.mean,
            std: summary.std, trials: summary.count)
    }

    public init(experiment: String, group: String, metric: String, higherIsBetter: Bool, mean: Double, std: Double, trials: Int) {
        self.experiment = experiment
        self.group = group
        self.metric = metric
        self.higherIsBetter = higherIsBetter
        self.mean = mean
        self.std = std
        self.trials = trials
    }

    /// The identifier shown in tables and stored in the baseline.
    public var id: String { "\(experiment)/\(group)/\(metric)" }

    /// The standard error of the mean, `std / sqrt(trials)` (0 when undefined).
    public var standardError: Double {
        guard trials > 1, std.isFinite else { return 0 }
        return std / Double(trials).squareRoot()
    }

    /// Whether larger values of `metric` are better in experiment `experiment`.
    public static func higherIsBetter(experiment: String, metric: String) -> Bool {
        if experiment == "rwe" { return true }
        guard experiment == "predictors" else { return false }
        return metric != "mae" && metric != "rmse"
    }
}
