import NASCore
import NASMetaD2A
import NASTensor

/// The database's (task, cell, accuracy) pairs as the meta-predictor trains on them: a pair's set
/// is drawn afresh each time (``MetaFeatureSets/draw(_:samples:using:)``), its cell is the
/// 8-vertex graph, its target the scaled accuracy.
struct PredictorPairs {
    let database: MetaTrainingDatabase
    let sets: MetaFeatureSets
    let scaling: AccuracyScaling
    let numSample: Int

    /// Sets, graphs and scaled targets of `labels`, the sets drawn in order from `rng`.
    func batch(_ labels: ArraySlice<Int>, using rng: inout some RandomNumberGenerator) -> (tasks: [Tensor], graphs: [MetaD2AGraph], targets: [Double]) {
        var tasks: [Tensor] = [], graphs: [MetaD2AGraph] = [], targets: [Double] = []
        for l in labels {
            let label = database.labels[l]
            tasks.append(sets.draw(label.task, samples: numSample, using: &rng))
            graphs.append(MetaD2AGraph(cell: label.arch))
            targets.append(scaling.scaled(label.accuracy))
        }
        return (tasks, graphs, targets)
    }

    /// One epoch over `labels` in an order shuffled by `rng`: the summed squared error per pair
    /// (the authors' `trloss / dlen`) and the Pearson correlation of predictions and targets.
    func trainEpoch(_ predictor: MetaPredictor, optimizer: Adam, labels: [Int], batchSize: Int,
                    using rng: inout some RandomNumberGenerator, onBatch: () -> Void) -> (loss: Double, pearson: Double) {
        var order = labels
        rng.shuffle(&order)
        var sum = 0.0, predicted: [Double] = [], actual: [Double] = []
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let (tasks, graphs, targets) = batch(order[start..<min(start + batchSize, order.count)], using: &rng)
            optimizer.zeroGrad()
            let prediction = predictor.predict(tasks: tasks, graphs: graphs)
            let loss = (prediction - Tensor(shape: [targets.count, 1], data: targets.map(Float.init))).square().sum()
            loss.backward()
            optimizer.step()
            sum += Double(loss.item)
            predicted += prediction.data.map(Double.init)
            actual += targets
            onBatch()
        }
        return (sum / Double(max(order.count, 1)), HeldOutScore(predicted: predicted, actual: actual, squaredError: sum).pearson)
    }

    /// The predictor's score on `labels` (no gradients), sets drawn in order from `rng`.
    func score(_ predictor: MetaPredictor, labels: [Int], batchSize: Int, using rng: inout some RandomNumberGenerator) -> HeldOutScore {
        var squared = 0.0, predicted: [Double] = [], actual: [Double] = []
        GradMode.withNoGrad {
            for start in stride(from: 0, to: labels.count, by: batchSize) {
                let (tasks, graphs, targets) = batch(labels[start..<min(start + batchSize, labels.count)], using: &rng)
                let values = predictor.predict(tasks: tasks, graphs: graphs).data.map(Double.init)
                for (p, t) in zip(values, targets) { squared += (p - t) * (p - t) }
                predicted += values
                actual += targets
            }
        }
        return HeldOutScore(predicted: predicted, actual: actual, squaredError: squared)
    }
}
