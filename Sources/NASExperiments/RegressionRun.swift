import Foundation
import NASOracle
import NASPredictors
import NASSearch

/// Runs a regression suite's experiments with the library code of `nasbench predictors` and
/// `nasbench search` (`TrialRunner` runs into `folder/predictors` and `folder/search`, which
/// keep every CSV for plots) and returns their summary statistics in a fixed order.
public struct RegressionRun: Sendable {
    public let suite: RegressionSuite
    public let tablePath: String
    /// Where the run folders go; replaced on every run.
    public let folder: String
    public let jobs: Int
    /// Test hook: fit every predictor, and RWE's head, on shuffled training labels (must fail the suite).
    public var shufflesTrainingLabels = false
    /// The CIFAR-10 archive of the suite's RWE plan (overrides its spec's `rwe.cifar`).
    public var cifarPath: String?

    public init(suite: RegressionSuite, tablePath: String, folder: String, jobs: Int) {
        self.suite = suite
        self.tablePath = tablePath
        self.folder = folder
        self.jobs = jobs
    }

    /// Runs every declared experiment and returns its statistics.
    public func measure() throws -> [RegressionStatistic] {
        var statistics: [RegressionStatistic] = []
        if let plan = suite.predictors { statistics += try predictors(plan) }
        if let plan = suite.search { statistics += try search(plan) }
        if let plan = suite.rwe { statistics += try rwe(plan) }
        return statistics
    }

    /// A fresh run folder (an earlier run of the suite is removed; any other content is refused).
    private func runFolder(_ name: String) throws -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            guard manager.fileExists(atPath: (path as NSString).appendingPathComponent("config.json")) else {
                throw ExperimentError.badInput("\(path) exists and is not a run folder: choose another --out")
            }
            try manager.removeItem(atPath: path)
        }
        return path
    }

    /// Runs `trials` trials of one experiment into a fresh `folder/name` and returns that folder; the
    /// config records the suite (and, for an experiment the degrade hook touches, whether it did).
    private func runTrials(_ name: String, files: (String) -> RunFiles, config: [String: Any], trials: Int, degradable: Bool,
                           _ trial: @escaping @Sendable (Int) throws -> TrialOutput) throws -> String {
        let out = try runFolder(name)
        var config = config
        config["regression_suite"] = suite.name
        if degradable { config["shuffled_training_labels"] = shufflesTrainingLabels }
        let runner = try TrialRunner(files: files(out), config: config, trials: trials, shard: .all, jobs: jobs, resume: false)
        runner.progressLabel = "regress: \(name) trials"
        try runner.run(trial)
        return out
    }

    private func predictors(_ plan: RegressionSuite.PredictorPlan) throws -> [RegressionStatistic] {
        var spec = plan.spec
        spec.table = tablePath
        var experiment = try spec.makeExperiment()
        experiment.shufflesTrainingLabels = shufflesTrainingLabels
        let frozen = experiment
        let out = try runTrials(
            "predictors", files: PredictorExperiment.files, config: try spec.recorded(in: try experiment.config()),
            trials: experiment.totalTrials, degradable: true) { try frozen.runTrial($0) }
        let summary = try PredictorSummaryTable(folder: out)
        try summary.write(to: out)
        return try summary.lines.flatMap { line in
            try plan.metrics.map { rule in
                guard let column = PredictorMetrics.header.firstIndex(of: rule.name) else {
                    throw ExperimentError.badInput(
                        "unknown predictor metric '\(rule.name)' (expected one of: \(PredictorMetrics.header.joined(separator: ", ")))")
                }
                return RegressionStatistic(
                    experiment: "predictors", group: "\(line.predictor)/n=\(line.trainSize)", metric: rule.name,
                    higherIsBetter: RegressionStatistic.higherIsBetter(experiment: "predictors", metric: rule.name),
                    summary: line.scores[column])
            }
        }
    }

    private func search(_ plan: RegressionSuite.SearchPlan) throws -> [RegressionStatistic] {
        var spec = plan.spec
        spec.table = tablePath
        let experiment = try spec.makeExperiment()
        let out = try runTrials(
            "search", files: SearchExperiment.files, config: try spec.recorded(in: experiment.config),
            trials: experiment.totalTrials, degradable: false) { try experiment.runTrial($0) }
        try SearchSummaryTable(folder: out).write(to: out)
        try SearchCurves(folder: out).write(to: out)
        return try Self.searchStatistics(folder: out, strategies: plan.spec.strategies.map(\.rawValue), metrics: plan.metrics)
    }

    /// Per checked score, its Kendall tau against the benchmark over the plan's cells (the cells'
    /// means over their weight initialisations) or its mean over the cells: one deterministic
    /// statistic each, whose tolerance is its floor in either direction.
    private func rwe(_ plan: RegressionSuite.RWEPlan) throws -> [RegressionStatistic] {
        var spec = plan.spec
        spec.table = tablePath
        if let cifarPath { spec.rwe.cifar = cifarPath }
        guard !spec.rwe.cifar.isEmpty else {
            throw ExperimentError.badInput("the suite's rwe plan needs the CIFAR-10 archive: give --cifar")
        }
        var experiment = try spec.makeExperiment()
        if shufflesTrainingLabels { experiment.shuffleTrainingLabels() }
        let frozen = experiment
        let out = try runTrials(
            "rwe", files: RWEExperiment.files, config: try spec.recorded(in: experiment.config()), trials: experiment.cells.count,
            degradable: true) { try frozen.runTrial($0) }
        let summary = try RWESummaryTable(folder: out)
        try summary.write(to: out)
        return try plan.metrics.map { rule in
            guard let row = summary.rows.first(where: { $0.score == rule.name }) else {
                throw ExperimentError.badInput(
                    "unknown rwe score '\(rule.name)' (expected one of: \(RWEExperiment.scoreColumns.joined(separator: ", ")))")
            }
            let value = rule.rweStatistic == "mean" ? SummaryStatistics(summary.values[rule.name] ?? []).mean : row.tau
            return RegressionStatistic(
                experiment: "rwe", group: rule.name, metric: rule.rweStatistic, higherIsBetter: true, mean: value, std: .nan,
                trials: summary.cells)
        }
    }

    /// Mean and std of each metric column of `trials.csv` per strategy, over the trials that define it.
    static func searchStatistics(
        folder: String, strategies: [String], metrics: [RegressionSuite.MetricRule]
    ) throws -> [RegressionStatistic] {
        let path = (folder as NSString).appendingPathComponent("trials.csv")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first, let strategyColumn = header.firstIndex(of: "strategy") else {
            throw ExperimentError.corruptResults(path: path, why: "no strategy column")
        }
        return try strategies.flatMap { strategy in
            let mine = rows.dropFirst().filter { $0.count == header.count && $0[strategyColumn] == strategy }
            return try metrics.map { rule in
                guard let column = header.firstIndex(of: rule.name) else {
                    throw ExperimentError.badInput("unknown search metric '\(rule.name)' (a trials.csv column, e.g. queries_to_search_optimum)")
                }
                return RegressionStatistic(
                    experiment: "search", group: strategy, metric: rule.name, higherIsBetter: false,
                    summary: SummaryStatistics(mine.compactMap { Double($0[column]) }.filter { !$0.isNaN }))
            }
        }
    }
}
