import NASMetaD2A
import NASTensor
import NASTensorState

extension ConetRunFolder {
    /// Puts `model` and `optimizer` back to the checkpoint after `epoch` and returns the plateau
    /// schedule that the recorded training losses lead to (replayed from `initialRate`).
    func restore(_ model: some Module, optimizer: Adam, epoch: Int, losses: [Double], initialRate: Double) throws -> PlateauSchedule {
        let checkpoint = TrainingCheckpoint(model: model, optimizer: optimizer)
        try ModelFiles.loadWeights(checkpoint, from: checkpointPath(epoch))
        checkpoint.restoreOptimizer()
        var schedule = PlateauSchedule(initialRate: initialRate)
        for loss in losses { schedule.step(metric: loss) }
        return schedule
    }

    /// Closes epoch `epoch` after its rows: the checkpoint of `model` and `optimizer`, then `state`,
    /// then drops older checkpoints.
    func finishEpoch(_ epoch: Int, model: some Module, optimizer: Adam, state: some Encodable) throws {
        try TrainingCheckpoint(model: model, optimizer: optimizer).saveState(to: checkpointPath(epoch))
        try writeState(state)
        dropCheckpoints(except: epoch)
    }
}
