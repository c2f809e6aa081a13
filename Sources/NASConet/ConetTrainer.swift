import NASCore
import NASTensor

/// The authors' training loop (`utils/train.py`, `epoch_iteration`) on the engine: SGD with
/// momentum 0.9 and weight decay 5e-4 (`optim/__init__.py`), mini-batches of 128 in a fresh
/// shuffled order each epoch with the last partial batch kept (a PyTorch `DataLoader` with
/// `shuffle=True`), the crop + flip augmentation, cross-entropy; test in inference mode in batches
/// of 100.
public enum ConetTrainer {
    /// One epoch's figures: the mean of the batch losses and the accuracy (%) over the images.
    public struct EpochResult: Sendable, Equatable {
        public var loss: Double
        public var accuracy: Double
    }

    /// Trains `network` one epoch over `data`. `rng` draws the order, then each batch's
    /// augmentation. `onBatch` is called after every batch (for progress).
    public static func trainEpoch(_ network: ConetNetwork, optimizer: SGD, data: ConetImages, batchSize: Int,
                                  using rng: inout some RandomNumberGenerator, onBatch: () -> Void = {}) -> EpochResult {
        network.train()
        var order = Array(0..<data.count)
        rng.shuffle(&order)
        var lossSum = 0.0, batches = 0, correct = 0
        var lo = 0
        while lo < data.count {
            let indices = order[lo..<min(lo + batchSize, data.count)]
            let x = data.augmentedBatch(indices, using: &rng)
            let labels = indices.map { data.labels[$0] }
            optimizer.zeroGrad()
            let logits = network(x)
            let loss = logits.softmaxCrossEntropy(labels: labels)
            loss.backward()
            optimizer.step()
            lossSum += Double(loss.item)
            batches += 1
            for (p, y) in zip(logits.argmaxRows(), labels) where p == y { correct += 1 }
            lo += batchSize
            onBatch()
        }
        return EpochResult(loss: lossSum / Double(max(batches, 1)), accuracy: 100 * Double(correct) / Double(data.count))
    }

    /// Loss (mean over batches) and accuracy (%) of `network` on `data` in inference mode.
    public static func evaluate(_ network: ConetNetwork, data: ConetImages, batchSize: Int = 100) -> EpochResult {
        network.eval()
        defer { network.train() }
        var lossSum = 0.0, batches = 0, correct = 0
        GradMode.withNoGrad {
            var lo = 0
            while lo < data.count {
                let indices = Array(lo..<min(lo + batchSize, data.count))[...]
                let labels = indices.map { data.labels[$0] }
                let logits = network(data.batch(indices))
                lossSum += Double(logits.softmaxCrossEntropy(labels: labels).item)
                batches += 1
                for (p, y) in zip(logits.argmaxRows(), labels) where p == y { correct += 1 }
                lo += batchSize
            }
        }
        return EpochResult(loss: lossSum / Double(max(batches, 1)), accuracy: 100 * Double(correct) / Double(data.count))
    }

    /// Each convolution's quality (``LayerQuality``) in graph order; a layer whose computation
    /// fails (EVBMF refuses a mode) keeps `previous`'s value of that mode, as the authors'
    /// `except` branch does.
    public static func qualities(of network: ConetNetwork, previous: [LayerQuality]?) throws -> [LayerQuality] {
        try network.convolutions.enumerated().map { index, conv in
            let w = conv.layer.weight
            let q = try LayerQuality(weight: w.data, outChannels: w.shape[0], inChannels: w.shape[1], kh: w.shape[2], kw: w.shape[3])
            guard let previous else { return q }
            return LayerQuality(input: q.input ?? previous[index].input, output: q.output ?? previous[index].output)
        }
    }
}
