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
    public static let detailHeader = [
        "strategy", "query", "index", "search_value", "test_value", "best_search", "best_test", "incumbent_test",
        "search_regret", "test_regret", "simulated_s",
    ]
    public static let summaryHeader = [
        "strategy", "seed", "queries", "queries_to_search_optimum", "queries_to_test_optimum",
        "seconds_to_search_optimum", "final_search_regret", "final_test_regret", "simulated_s",
        "queries_to_search_optimum_or_top1",
    ]

    public let problem: SearchProblem
    public let strategies: [any SearchStrategy]
    public let trialsPerStrategy: Int
    public let seed: UInt64
    public let budget: SearchBudget
    /// The table file's absolute path and SHA-256.
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
        self.tablePath = URL(fileURLWithPath: tablePath).standardizedFileURL.path
        self.tableSHA256 = try SHA256Digest.hex(ofFile: tablePath)
    }

    /// The files of a search run in `folder`.
    public static func files(folder: String) -> RunFiles {
        RunFiles(
            folder: folder, detailName: "queries.csv", summaryName: "trials.csv", detailHeader: detailHeader,
            summaryHeader: summaryHeader)
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
        let name = CSVLine.quote(strategy.name)
        let index64 = problem.table.benchmarkIndex
        let rows = session.steps.map { s in
            [
                name, "\(s.query)", "\(index64[s.row])", CSVLine.number(s.searchValue), CSVLine.number(s.testValue),
                CSVLine.number(s.bestSearchValue), CSVLine.number(s.bestTestValue), CSVLine.number(s.incumbentTestValue),
                CSVLine.number(s.searchRegret), CSVLine.number(s.testRegret), CSVLine.number(s.simulatedSeconds),
            ].joined(separator: ",")
        }
        let o = session.outcome
        let summary = [
            name, "\(trialSeed)", "\(o.queries)", o.queriesToSearchOptimum.map(String.init) ?? "",
            o.queriesToTestOptimum.map(String.init) ?? "", CSVLine.number(o.secondsToSearchOptimum),
            CSVLine.number(o.finalSearchRegret), CSVLine.number(o.finalTestRegret), CSVLine.number(o.simulatedSeconds),
            o.queriesToSearchOptimumOrRecommended.map(String.init) ?? "",
        ].joined(separator: ",")
        return TrialOutput(rows: rows, summary: summary)
    }
}
