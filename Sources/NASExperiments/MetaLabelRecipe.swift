import NASConet
import NASCore
import NASDatasets
import NASEvaluators
import NASSpaces
import NASTensor

/// The label of a MetaD2A database entry: the validation accuracy (%) of an NB201 cell trained
/// briefly on a task's training images, on the engine. The network is `NB201Network` at
/// ``MetaLabelSettings`` `C`, `N` with one output per way; images are normalised per channel with
/// the task's own training statistics; Nesterov SGD with NB201's momentum and decay under a cosine
/// schedule (per batch), batches in a fresh shuffled order each epoch (last partial batch kept);
/// then top-1 accuracy on the validation images in inference mode (batch-norm running statistics).
public enum MetaLabelRecipe {
    /// Trains `cell` on `task`'s training images and returns its validation accuracy (%).
    /// `seed` decides everything random: the initialisation (`TrialSeed.derive(base: seed, trial:
    /// 0, stream: 1)`), the batch order and augmentation (stream 2).
    public static func trainLabel(cell: NB201Cell, task: (train: ImageDataset, valid: ImageDataset), settings: MetaLabelSettings,
                                  seed: UInt64) throws -> Double {
        try settings.validate()
        let ways = Int(task.train.labels.max() ?? 0) + 1
        guard ways >= 2, task.train.count >= 1, task.valid.count >= 1 else {
            throw ExperimentError.badInput("a task needs images of at least 2 classes for training and some for validation")
        }
        let (train, valid) = try normalised(task, side: settings.imageSize)
        var initRNG = SplitMix64(seed: TrialSeed.derive(base: seed, trial: 0, stream: 1))
        let network = try NB201Network(cell: cell, channels: settings.channels, cellsPerStage: settings.cellsPerStage, classes: ways,
                                       using: &initRNG)
        let optimizer = SGD(parameters: network.parameters(), learningRate: Float(settings.learningRate), momentum: Float(settings.momentum),
                            weightDecay: Float(settings.weightDecay), nesterov: true)
        let batches = (train.count + settings.batchSize - 1) / settings.batchSize
        let schedule = CosineSchedule(baseRate: Float(settings.learningRate), totalSteps: settings.epochs * batches)
        var dataRNG = SplitMix64(seed: TrialSeed.derive(base: seed, trial: 0, stream: 2))
        var step = 0
        network.train()
        for _ in 0..<settings.epochs {
            var order = Array(0..<train.count)
            dataRNG.shuffle(&order)
            var lo = 0
            while lo < train.count {
                let indices = order[lo..<min(lo + settings.batchSize, train.count)]
                let x = settings.augment ? train.augmentedBatch(indices, using: &dataRNG) : train.batch(indices)
                optimizer.learningRate = schedule.learningRate(at: step)
                optimizer.zeroGrad()
                network(x).softmaxCrossEntropy(labels: indices.map { train.labels[$0] }).backward()
                optimizer.step()
                step += 1
                lo += settings.batchSize
            }
        }
        return accuracy(network, on: valid)
    }

    /// Top-1 accuracy (%) in inference mode, batches of 100.
    static func accuracy(_ network: NB201Network, on data: ConetImages) -> Double {
        network.eval()
        defer { network.train() }
        var correct = 0
        GradMode.withNoGrad {
            var lo = 0
            while lo < data.count {
                let indices = Array(lo..<min(lo + 100, data.count))[...]
                for (p, i) in zip(network(data.batch(indices)).argmaxRows(), indices) where p == data.labels[i] { correct += 1 }
                lo += 100
            }
        }
        return 100 * Double(correct) / Double(data.count)
    }

    /// Both parts at `side` x `side`, normalised with the training part's channel mean and std
    /// (a constant channel gets std 1).
    static func normalised(_ task: (train: ImageDataset, valid: ImageDataset), side: Int) throws -> (ConetImages, ConetImages) {
        let train = try task.train.resized(to: side), valid = try task.valid.resized(to: side)
        let (mean, std) = train.channelStatistics()
        let m = mean.map(Float.init), s = std.map { $0 > 1e-6 ? Float($0) : 1 }
        do {
            return (try ConetImages(train, mean: m, std: s), try ConetImages(valid, mean: m, std: s))
        } catch {
            throw ExperimentError.badInput("task images: \(error)")
        }
    }
}
