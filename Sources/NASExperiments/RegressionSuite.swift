import Foundation
import NASPredictors

/// A declared set of seeded experiments whose summary statistics are checked against a
/// committed baseline by `nasbench regress` (see docs/REGRESSION.md), read from JSON with
/// the experiments as specs (`PredictorSpec`, `SearchSpec`), e.g. `experiments/regress-nb201.json`.
public struct RegressionSuite: Codable, Sendable {
    /// A checked statistic and its absolute tolerance floor (the smallest change ever called a regression).
    public struct MetricRule: Codable, Sendable, Equatable {
        /// A `results.csv` score (predictors) or a `trials.csv` column (search).
        public var name: String
        public var floor: Double
        /// RWE plans only: what is pinned of the score, its Kendall tau against the benchmark
        /// (`kendall_tau`, the default) or its mean over the cells (`mean`).
        public var statistic: String?

        public init(name: String, floor: Double, statistic: String? = nil) {
            self.name = name
            self.floor = floor
            self.statistic = statistic
        }

        /// The statistics an RWE rule may pin.
        public static let rweStatistics = ["kendall_tau", "mean"]

        /// The statistic an RWE rule pins.
        public var rweStatistic: String { statistic ?? "kendall_tau" }
    }

    /// A predictors experiment, as `nasbench predictors --spec` runs it, and its checked metrics.
    public struct PredictorPlan: Codable, Sendable {
        /// The experiment (its `table` is the one `nasbench regress --table` names).
        public var spec: PredictorSpec
        /// Mean of each metric per predictor and train size (`kendall_tau`, `spearman`, ...; `mae`, `rmse` are lower-is-better).
        public var metrics: [MetricRule]
    }

    /// A search experiment, as `nasbench search --spec` runs it, and its checked metrics.
    public struct SearchPlan: Codable, Sendable {
        /// The experiment (its `table` is the one `nasbench regress --table` names).
        public var spec: SearchSpec
        /// Mean of each lower-is-better column per strategy (`queries_to_search_optimum`, `queries_to_test_optimum`, `final_test_regret`).
        public var metrics: [MetricRule]
    }

    /// A random-weight evaluation on fixed cells (`nasbench rwe --spec`) and the scores whose Kendall
    /// tau against the benchmark is pinned (`rwe_accuracy`, `params`, ...). Its archive is `nasbench
    /// regress --cifar`; each statistic's tolerance is its floor (one tau, no trials to average).
    public struct RWEPlan: Codable, Sendable {
        public var spec: RWESpec
        public var metrics: [MetricRule]
    }

    public var name: String
    /// Standard errors of the baseline mean a statistic may move in the bad direction before it fails.
    public var z: Double
    /// The baseline CSV, relative to the suite file.
    public var baseline: String
    public var predictors: PredictorPlan?
    public var search: SearchPlan?
    public var rwe: RWEPlan?

    public init(name: String, z: Double, baseline: String, predictors: PredictorPlan? = nil, search: SearchPlan? = nil,
                rwe: RWEPlan? = nil) {
        self.name = name
        self.z = z
        self.baseline = baseline
        self.predictors = predictors
        self.search = search
        self.rwe = rwe
    }

    /// Reads a suite file.
    ///
    /// - Throws: ``ExperimentError/badInput(_:)`` when the file is unreadable or not a suite.
    public static func load(_ path: String) throws -> RegressionSuite {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExperimentError.badInput("cannot read the suite file \(path)")
        }
        let suite: RegressionSuite
        do {
            suite = try StrictJSON.decode(RegressionSuite.self, from: data)
        } catch {
            throw ExperimentError.badInput("\(path) is not a regression suite (docs/REGRESSION.md): \(error)")
        }
        guard suite.z > 0 else { throw ExperimentError.badInput("\(path): z must be positive") }
        guard suite.predictors != nil || suite.search != nil || suite.rwe != nil else {
            throw ExperimentError.badInput("\(path) declares no experiments: give predictors, search, rwe or several")
        }
        let plain = (suite.predictors?.metrics ?? []) + (suite.search?.metrics ?? [])
        if let rule = plain.first(where: { $0.statistic != nil }) {
            throw ExperimentError.badInput("\(path): metric '\(rule.name)': 'statistic' is for rwe metrics only")
        }
        for rule in suite.rwe?.metrics ?? [] where !MetricRule.rweStatistics.contains(rule.rweStatistic) {
            throw ExperimentError.badInput(
                "\(path): rwe metric '\(rule.name)': unknown statistic '\(rule.rweStatistic)' (expected one of: "
                    + MetricRule.rweStatistics.joined(separator: ", ") + ")")
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
        let rules: [MetricRule]?
        switch statistic.experiment {
        case "search": rules = search?.metrics
        case "rwe": rules = rwe?.metrics
        default: rules = predictors?.metrics
        }
        // An RWE statistic's rule is named by its score (the group) and what it pins (the metric);
        // the others' by their metric.
        if statistic.experiment == "rwe" {
            return rules?.first { $0.name == statistic.group && $0.rweStatistic == statistic.metric }
        }
        return rules?.first { $0.name == statistic.metric }
    }
}
