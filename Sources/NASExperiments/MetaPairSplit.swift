import NASCore

/// The held-out split of a meta-predictor run over the database's labels (pairs): whole tasks
/// held out (every pair of theirs), then a fraction of the other pairs; the rest train. Drawn from
/// `TrialSeed.derive(base: seed, trial: 0, stream: 4)`: the tasks first, then the pairs.
public struct MetaPairSplit: Codable, Sendable, Equatable {
    /// Tasks held out whole, ascending.
    public let heldOutTasks: [Int]
    /// Label indices of the held-out tasks' pairs, ascending.
    public let taskPairs: [Int]
    /// Label indices of the held-out pairs (of the other tasks), ascending.
    public let heldOutPairs: [Int]
    /// Label indices trained on, ascending.
    public let training: [Int]

    private enum CodingKeys: String, CodingKey {
        case heldOutTasks = "held_out_tasks", taskPairs = "held_out_task_pairs", heldOutPairs = "held_out_pairs", training
    }

    /// - Throws: when the split leaves fewer than two training or held-out pairs.
    public init(labelTasks: [Int], taskCount: Int, taskFraction: Double, pairFraction: Double, seed: UInt64) throws {
        var rng = SplitMix64(seed: TrialSeed.derive(base: seed, trial: 0, stream: 4))
        let held = try Self.heldOutTasks(taskCount, fraction: taskFraction, using: &rng)
        heldOutTasks = held.sorted()
        taskPairs = labelTasks.indices.filter { held.contains(labelTasks[$0]) }
        let rest = labelTasks.indices.filter { !held.contains(labelTasks[$0]) }
        let pairsOut = max(2, Int((Double(rest.count) * pairFraction).rounded()))
        guard rest.count - pairsOut >= 2 else {
            throw ExperimentError.badInput("\(rest.count) pairs outside the held-out tasks are too few to hold out \(pairsOut) and train on the rest")
        }
        let picked = Set(rng.sampleIndices(pairsOut, from: rest.count).map { rest[$0] })
        heldOutPairs = picked.sorted()
        training = rest.filter { !picked.contains($0) }
    }

    /// `round(fraction * taskCount)` tasks (at least one when `fraction` is positive) drawn from `rng`.
    ///
    /// - Throws: when that leaves no task to train on.
    static func heldOutTasks(_ taskCount: Int, fraction: Double, using rng: inout some RandomNumberGenerator) throws -> Set<Int> {
        let count = fraction > 0 ? max(1, Int((Double(taskCount) * fraction).rounded())) : 0
        guard count < taskCount else {
            throw ExperimentError.badInput("--held-out-tasks \(fraction) of \(taskCount) tasks leaves none to train on")
        }
        return Set(rng.sampleIndices(count, from: taskCount))
    }
}
