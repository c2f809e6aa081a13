/// Everything that decides a MetaD2A meta-predictor training run (`nasbench metad2a
/// train-predictor`), recorded under `spec` in the run's `config.json`. The defaults are the
/// authors' (predictor/predictor.py, parser.py, README: Adam 1e-4, batch 32, 400 epochs,
/// `--num-sample 20`, `--hs 512 --nz 56`); the held-out split is ours (docs/METAD2A.md).
public struct PredictorTrainSpec: ExperimentSpec, Sendable, Equatable {
    public static let experiment = "metad2a-predictor"

    public var epochs = 400
    public var batchSize = 32
    public var learningRate = 1e-4
    /// Images per class in a task's set, drawn afresh for every (task, cell) pair each epoch.
    public var numSample = 20
    public var seed: UInt64 = 0
    /// Fraction of the tasks held out whole (their pairs scored as "held-out tasks"; at least one
    /// task when positive).
    public var heldOutTasks = 0.1
    /// Fraction of the remaining pairs held out ("held-out pairs", the validation set that picks
    /// the best checkpoint, as the authors' 400 random pairs do; at least two).
    public var heldOutPairs = 0.1
    /// `hs`: the graph encoder's GRU state and the head's hidden width.
    public var hiddenSize = 512
    /// `nz`: the dataset and graph embeddings.
    public var embeddingSize = 56
    public var numHeads = 4
    /// The loss ReduceLROnPlateau watches: the epoch's training loss (the authors') or the held-out pairs' loss.
    public var plateauOn = PlateauMetric.train

    /// Which loss steps the learning-rate schedule.
    public enum PlateauMetric: String, Codable, Sendable, CaseIterable { case train, valid }

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case epochs, batchSize = "batch_size", learningRate = "learning_rate", numSample = "num_sample", seed
        case heldOutTasks = "held_out_tasks", heldOutPairs = "held_out_pairs", hiddenSize = "hidden_size"
        case embeddingSize = "embedding_size", numHeads = "num_heads", plateauOn = "plateau_on"
    }

    public var hinted: Self { self }

    /// Rejects specs no run can do, in one line.
    public func validate() throws {
        try Self.validateRecipe(epochs: epochs, batchSize: batchSize, learningRate: learningRate, numSample: numSample)
        guard heldOutTasks >= 0, heldOutTasks < 1, heldOutPairs > 0, heldOutPairs < 1 else {
            throw ExperimentError.badInput("--held-out-tasks must be in [0, 1) and --held-out-pairs in (0, 1), got \(heldOutTasks) and \(heldOutPairs)")
        }
        guard hiddenSize >= 1, embeddingSize >= 1, numHeads >= 1, embeddingSize % numHeads == 0 else {
            throw ExperimentError.badInput("--hidden-size and --embedding-size must be positive and --num-heads must divide --embedding-size")
        }
    }

    /// The checks both meta-training specs make of their common recipe fields.
    static func validateRecipe(epochs: Int, batchSize: Int, learningRate: Double, numSample: Int) throws {
        guard epochs >= 1 else { throw ExperimentError.badInput("--epochs must be at least 1, got \(epochs)") }
        guard batchSize >= 1 else { throw ExperimentError.badInput("--batch-size must be at least 1, got \(batchSize)") }
        guard learningRate > 0, learningRate.isFinite else { throw ExperimentError.badInput("--lr must be a positive number, got \(learningRate)") }
        guard numSample >= 1 else { throw ExperimentError.badInput("--num-sample must be at least 1, got \(numSample)") }
    }
}
