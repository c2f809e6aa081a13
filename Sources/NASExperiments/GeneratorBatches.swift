import NASCore
import NASMetaD2A
import NASTensor

/// The generator's pairs as it trains on them: a pair's set drawn afresh each time, its cell as
/// the 8-vertex graph.
struct GeneratorBatches {
    let pairs: [GeneratorPairs.Pair]
    let sets: MetaFeatureSets
    let numSample: Int

    func batch(_ indices: ArraySlice<Int>, using rng: inout some RandomNumberGenerator) -> (tasks: [Tensor], graphs: [MetaD2AGraph]) {
        var tasks: [Tensor] = [], graphs: [MetaD2AGraph] = []
        for i in indices {
            tasks.append(sets.draw(pairs[i].task, samples: numSample, using: &rng))
            graphs.append(MetaD2AGraph(cell: pairs[i].cell))
        }
        return (tasks, graphs)
    }

    /// One epoch over `indices` in an order shuffled by `rng` (then each batch's sets, then its
    /// noise): the loss and its parts summed and divided by the pairs.
    func trainEpoch(_ generator: GraphGenerator, optimizer: Adam, pairs indices: [Int], batchSize: Int,
                    using rng: inout some RandomNumberGenerator, onBatch: () -> Void) -> (total: Double, reconstruction: Double, kl: Double) {
        var order = indices
        rng.shuffle(&order)
        var total = 0.0, reconstruction = 0.0, kl = 0.0
        for start in stride(from: 0, to: order.count, by: batchSize) {
            let (tasks, graphs) = batch(order[start..<min(start + batchSize, order.count)], using: &rng)
            optimizer.zeroGrad()
            let (mean, logVariance) = generator.encode(tasks)
            let loss = generator.loss(mean: mean, logVariance: logVariance, graphs: graphs, using: &rng)
            loss.total.backward()
            optimizer.step()
            total += Double(loss.total.item); reconstruction += Double(loss.reconstruction.item); kl += Double(loss.kl.item)
            onBatch()
        }
        let n = Double(max(order.count, 1))
        return (total / n, reconstruction / n, kl / n)
    }

    /// The generator's score on `indices` at `z = mu` (no gradients), sets drawn from `rng`.
    func score(_ generator: GraphGenerator, pairs indices: [Int], batchSize: Int, using rng: inout some RandomNumberGenerator) -> GeneratorScore {
        guard !indices.isEmpty else { return .none }
        var total = 0.0, reconstruction = 0.0, kl = 0.0, same = 0, valid = 0
        GradMode.withNoGrad {
            for start in stride(from: 0, to: indices.count, by: batchSize) {
                let part = indices[start..<min(start + batchSize, indices.count)]
                let (tasks, graphs) = batch(part, using: &rng)
                let (mean, logVariance) = generator.encode(tasks)
                let loss = generator.loss(mean: mean, logVariance: logVariance, noise: nil, graphs: graphs)
                total += Double(loss.total.item); reconstruction += Double(loss.reconstruction.item); kl += Double(loss.kl.item)
                for (decoded, i) in zip(generator.decodeArgmax(mean), part) {
                    guard let cell = try? decoded.nb201Cell() else { continue }
                    valid += 1
                    if cell == pairs[i].cell { same += 1 }
                }
            }
        }
        let n = Double(indices.count)
        return GeneratorScore(loss: total / n, reconstruction: reconstruction / n, kl: kl / n,
                              reconstructionAccuracy: Double(same) / n, validity: Double(valid) / n)
    }
}
