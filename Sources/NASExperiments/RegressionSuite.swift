import Foundation

/// A declared set of seeded experiments whose summary statistics are checked against a
/// committed baseline by `nasbench regress` (see docs/REGRESSION.md), read from JSON with
/// snake_case keys, e.g. `experiments/regress-nb201.json`.
public struct RegressionSuite: Codable, Sendable, Equatable {
    /// A checked statistic and its absolute tolerance floor (the smallest change ever called a regression).
    public struct MetricRule: Codable, Sendable, Equatable {
        /// A `results.csv` score (predictors) or a `trials.csv` column (search).
        public var name: String
        public var floor: Double
    }

    /// Predictors x train sizes x trials, run as `nasbench predictors` runs them.
    public struct PredictorPlan: Codable, Sendable, Equatable {
        /// The label column, e.g. `cifar10-valid.valid.accuracy.e200` (its seed mean is used).
        public var label: String
        /// `adjacency`, `path` or `graph`.
        public var encoding: String
        public var predictors: [String]
        public var trainSizes: [Int]
        public var trials: Int
        /// Mean of each metric per predictor and train size (`kendall_tau`, `spearman`, ...; `mae`, `rmse` are lower-is-better).
        public var metrics: [MetricRule]
    }

    /// Search strategies x trials, run as `nasbench search` runs them (NASLib's NB201 defaults).
    public struct SearchPlan: Codable, Sendable, Equatable {
        public var searchColumn: String
        public var testColumn: String
        /// `sampled` (one training seed drawn per query) or `mean`.
        public var querySeed: String
        /// As `nasbench search --budget`: a query count, `until-optimum` or `until-search-optimum`.
        public var budget: String
        /// `random`, `evolution`, `local`.
        public var strategies: [String]
        public var trials: Int
        /// Mean of each lower-is-better column per strategy (`queries_to_search_optimum`, `queries_to_test_optimum`, `final_test_regret`).
        public var metrics: [MetricRule]
    }

    public var name: String
    public var seed: UInt64
    /// Standard errors of the baseline mean a statistic may move in the bad direction before it fails.
    public var z: Double
    /// The baseline CSV, relative to the suite file.
    public var baseline: String
    public var predictors: PredictorPlan?
    public var search: SearchPlan?

    /// Reads a suite file.
    ///
    /// - Throws: ``ExperimentError/badInput(_:)`` when the file is unreadable or not a suite.
    public static func load(_ path: String) throws -> RegressionSuite {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExperimentError.badInput("cannot read the suite file \(path)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let suite: RegressionSuite
        do {
            suite = try decoder.decode(RegressionSuite.self, from: data)
        } catch {
            throw ExperimentError.badInput("\(path) is not a regression suite (docs/REGRESSION.md): \(error)")
        }
        guard suite.z > 0 else { throw ExperimentError.badInput("\(path): z must be positive") }
        guard suite.predictors != nil || suite.search != nil else {
            throw ExperimentError.badInput("\(path) declares no experiments: give predictors, search or both")
        }
        return suite
    }

    /// The baseline's path for a suite read from `suitePath`.
    public func baselinePath(suitePath: String) -> String {
        guard !baseline.hasPrefix("/") else { return baseline }
        return ((suitePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(baseline)
    }

    /// Every checked metric name with its floor and direction, by statistic prefix.
    func rule(for statistic: RegressionStatistic) -> MetricRule? {
        let rules = statistic.experiment == "search" ? search?.metrics : predictors?.metrics
        return rules?.first { $0.name == statistic.metric }
    }
}
