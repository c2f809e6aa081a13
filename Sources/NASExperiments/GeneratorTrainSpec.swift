/// Everything that decides a MetaD2A generator training run (`nasbench metad2a
/// train-generator`), recorded under `spec` in the run's `config.json`. The defaults are the
/// authors' (generator/solver.py, parser.py, README: Adam 1e-4, batch 32, 400 epochs,
/// `--num-sample 20`, `--hs 56 --nz 56`); the generator database rule is the (docs/METAD2A.md).
public struct GeneratorTrainSpec: ExperimentSpec, Sendable, Equatable {
    public static let experiment = "metad2a-generator"

    public var epochs = 400
    public var batchSize = 32
    public var learningRate = 1e-4
    /// Images per class in a task's set, drawn afresh for every pair each epoch.
    public var numSample = 20
    public var seed: UInt64 = 0
    /// Random NB201 cells the meta-predictor chooses the best of, per generator pair.
    public var candidates = 10
    /// Generator pairs (best-of-`candidates` draws) per task.
    public var pairsPerTask = 1
    /// Fraction of the tasks held out whole (at least one when positive): the validation pairs.
    public var heldOutTasks = 0.1
    /// `hs`: the decoder GRU's state.
    public var hiddenSize = 56
    /// `nz`: the latent and the set encoder's width.
    public var latentSize = 56
    public var numHeads = 4

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case epochs, batchSize = "batch_size", learningRate = "learning_rate", numSample = "num_sample", seed, candidates
        case pairsPerTask = "pairs_per_task", heldOutTasks = "held_out_tasks", hiddenSize = "hidden_size"
        case latentSize = "latent_size", numHeads = "num_heads"
    }

    public var hinted: Self { self }

    /// Rejects specs no run can do, in one line.
    public func validate() throws {
        try PredictorTrainSpec.validateRecipe(epochs: epochs, batchSize: batchSize, learningRate: learningRate, numSample: numSample)
        guard (1...15_625).contains(candidates), pairsPerTask >= 1 else {
            throw ExperimentError.badInput("--candidates must be in 1...15625 and --pairs-per-task at least 1")
        }
        guard heldOutTasks >= 0, heldOutTasks < 1 else { throw ExperimentError.badInput("--held-out-tasks must be in [0, 1), got \(heldOutTasks)") }
        guard hiddenSize >= 1, latentSize >= 1, numHeads >= 1, latentSize % numHeads == 0 else {
            throw ExperimentError.badInput("--hidden-size and --latent-size must be positive and --num-heads must divide --latent-size")
        }
    }
}
