import Foundation
import NASOracle
import NASSearch
import NASSpaces

/// Search strategies x seeded trials on one table, as a `TrialRunner` run: one detail row per
/// (trial, query) in `queries.csv`, one row per trial in `trials.csv`, the resolved
/// configuration in `config.json`, and the aggregate table in `summary.csv`.
///
/// Trial `t` runs strategy `t / trialsPerStrategy` with trial index `i = t % trialsPerStrategy`;
/// its strategy generator is seeded with `TrialSeed.derive(base: seed, trial: i)` and its seed
/// noise (for `.sampled` queries) with stream 1 of the same. Every strategy thus sees the same
/// trial seeds (common random numbers), and a trial's rows depend only on (config, t).
public struct SearchExperiment: Sendable {
    /// Version of the files' layout; raised when a column changes meaning.
    public static let schemaVersion = 1
    /// A row of `queries.csv`: one query of a trial.
    public struct QueryRow: Sendable {
        public var strategy: String
        public var step: SearchStep
        /// The queried cell's benchmark index.
        public var index: Int64
    }

    /// A row of `trials.csv`: one trial's outcome.
    public struct TrialRow: Sendable {
        public var strategy: String
        public var seed: UInt64
        public var outcome: SearchOutcome
    }

    public static let queryColumns = CSVColumns<QueryRow>([
        .init("strategy") { $0.strategy }, .integer("query") { $0.step.query }, .init("index") { "\($0.index)" },
        .float("search_value") { $0.step.searchValue }, .float("test_value") { $0.step.testValue },
        .float("best_search") { $0.step.bestSearchValue }, .float("best_test") { $0.step.bestTestValue },
        .float("incumbent_test") { $0.step.incumbentTestValue }, .float("search_regret") { $0.step.searchRegret },
        .float("test_regret") { $0.step.testRegret }, .number("simulated_s") { $0.step.simulatedSeconds },
    ])

    public static let trialColumns = CSVColumns<TrialRow>([
        .init("strategy") { $0.strategy }, .init("seed") { "\($0.seed)" }, .integer("queries") { $0.outcome.queries },
        .integer("queries_to_search_optimum") { $0.outcome.queriesToSearchOptimum },
        .integer("queries_to_test_optimum") { $0.outcome.queriesToTestOptimum },
        .number("seconds_to_search_optimum") { $0.outcome.secondsToSearchOptimum },
        .float("final_search_regret") { $0.outcome.finalSearchRegret },
        .float("final_test_regret") { $0.outcome.finalTestRegret },
        .number("simulated_s") { $0.outcome.simulatedSeconds },
        .integer("queries_to_search_optimum_or_top1") { $0.outcome.queriesToSearchOptimumOrRecommended },
    ])

    public let problem: SearchProblem
    public let strategies: [any SearchStrategy]
    public let trialsPerStrategy: Int
    public let seed: UInt64
    public let budget: SearchBudget
    /// The table file (``PathHint``: relative below the working directory) and its SHA-256.
    public let tablePath: String
    public let tableSHA256: String

    public init(
        problem: SearchProblem, strategies: [any SearchStrategy], trialsPerStrategy: Int, seed: UInt64,
        budget: SearchBudget, tablePath: String
    ) throws {
        guard !strategies.isEmpty else { throw ExperimentError.badInput("give at least one strategy") }
        guard trialsPerStrategy > 0 else { throw ExperimentError.badInput("--trials must be positive") }
        let names = strategies.map(\.name)
        guard Set(names).count == names.count else {
            throw ExperimentError.badInput("a strategy is listed twice: \(names.joined(separator: ","))")
        }
        self.problem = problem
        self.strategies = strategies
        self.trialsPerStrategy = trialsPerStrategy
        self.seed = seed
        self.budget = budget
        self.tablePath = PathHint.hint(for: tablePath)
        self.tableSHA256 = try SHA256Digest.hex(ofFile: tablePath)
    }

    /// The files of a search run in `folder`.
    public static func files(folder: String) -> RunFiles {
        RunFiles(
            folder: folder, detailName: "queries.csv", summaryName: "trials.csv", detailHeader: queryColumns.header,
            summaryHeader: trialColumns.header)
    }

    /// Trials over all strategies.
    public var totalTrials: Int { strategies.count * trialsPerStrategy }

    /// The resolved configuration written to `config.json` (the runner adds `trials`).
    public var config: [String: Any] {
        let table = problem.table
        func optimum(_ query: ResolvedQuery) -> [String: Any] {
            ["value": Double(query.optimum.value), "indices": query.optimum.rows.map { table.benchmarkIndex[$0] }]
        }
        return [
            "schema_version": Self.schemaVersion,
            "nasbench_version": nasbenchVersion,
            "experiment": "search",
            "table": [
                "path": tablePath, "sha256": tableSHA256,
                "provenance_sha256": SHA256Digest.hex(of: table.metadata.provenance),
                "space": table.space.rawValue, "cells": table.rowCount,
            ] as [String: Any],
            "search_metric": [
                "column": table.keys[problem.searchQuery.column].name,
                "seed": problem.searchQuery.query.seed.description,
                "optimum": optimum(problem.searchQuery),
            ] as [String: Any],
            "test_metric": [
                "column": table.keys[problem.testQuery.column].name, "charged": false,
                "optimum": optimum(problem.testQuery),
            ] as [String: Any],
            "uniqueness": problem.uniqueness.rawValue,
            "classes": problem.classCount,
            "budget": budget.description,
            "seed": seed,
            "trials_per_strategy": trialsPerStrategy,
            "strategies": strategies.map { strategy in
                [
                    "name": strategy.name,
                    "hyperparameters": strategy.hyperparameters.mapValues(\.jsonValue),
                ] as [String: Any]
            },
            "random_search_expectation": problem.randomSearchExpectation.map { $0 as Any } ?? NSNull(),
        ]
    }

    /// The seed of trial index `index` (shared by all strategies).
    public func trialSeed(_ index: Int) -> UInt64 { TrialSeed.derive(base: seed, trial: index) }

    /// Runs trial `t` and renders its rows.
    public func runTrial(_ t: Int) throws -> TrialOutput {
        let strategy = strategies[t / trialsPerStrategy]
        let index = t % trialsPerStrategy
        let trialSeed = trialSeed(index)
        var generator = SplitMix64(seed: trialSeed)
        let session = SearchSession(
            problem: problem, budget: budget, noiseSeed: TrialSeed.derive(base: seed, trial: index, stream: 1))
        try strategy.run(session, using: &generator)
        let index64 = problem.table.benchmarkIndex
        let rows = session.steps.map {
            Self.queryColumns.line(QueryRow(strategy: strategy.name, step: $0, index: index64[$0.row]))
        }
        let summary = Self.trialColumns.line(TrialRow(strategy: strategy.name, seed: trialSeed, outcome: session.outcome))
        return TrialOutput(rows: rows, summary: summary)
    }
}
