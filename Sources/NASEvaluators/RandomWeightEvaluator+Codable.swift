/// The evaluator's settings as a spec's `evaluator` entry: every key written; an absent key keeps
/// the default of ``RandomWeightEvaluator`` (where each default's source is given).
extension RandomWeightEvaluator: Codable {
    private enum CodingKeys: String, CodingKey {
        case channels, cellsPerStage = "cells_per_stage", initScheme = "init", batchNorm = "batch_norm"
        case batchSize = "batch_size", naswotBatch = "naswot_batch", headSteps = "head_steps"
        case headLearningRate = "head_learning_rate", headL2 = "head_l2", headSolver = "head_solver"
        case headTolerance = "head_tolerance"
    }

    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        channels = try c.decodeIfPresent(Int.self, forKey: .channels) ?? channels
        cellsPerStage = try c.decodeIfPresent(Int.self, forKey: .cellsPerStage) ?? cellsPerStage
        initScheme = try c.decodeIfPresent(InitScheme.self, forKey: .initScheme) ?? initScheme
        batchNorm = try c.decodeIfPresent(BatchNormMode.self, forKey: .batchNorm) ?? batchNorm
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? batchSize
        naswotBatch = try c.decodeIfPresent(Int.self, forKey: .naswotBatch) ?? naswotBatch
        head.steps = try c.decodeIfPresent(Int.self, forKey: .headSteps) ?? head.steps
        head.learningRate = try c.decodeIfPresent(Float.self, forKey: .headLearningRate) ?? head.learningRate
        head.l2 = try c.decodeIfPresent(Float.self, forKey: .headL2) ?? head.l2
        head.solver = try c.decodeIfPresent(HeadSolver.self, forKey: .headSolver) ?? head.solver
        head.tolerance = try c.decodeIfPresent(Double.self, forKey: .headTolerance) ?? head.tolerance
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(channels, forKey: .channels)
        try c.encode(cellsPerStage, forKey: .cellsPerStage)
        try c.encode(initScheme, forKey: .initScheme)
        try c.encode(batchNorm, forKey: .batchNorm)
        try c.encode(batchSize, forKey: .batchSize)
        try c.encode(naswotBatch, forKey: .naswotBatch)
        try c.encode(head.steps, forKey: .headSteps)
        try c.encode(head.learningRate, forKey: .headLearningRate)
        try c.encode(head.l2, forKey: .headL2)
        try c.encode(head.solver, forKey: .headSolver)
        try c.encode(head.tolerance, forKey: .headTolerance)
    }
}
