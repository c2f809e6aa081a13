import NASCore
import NASMetaD2A
import NASSpaces
import NASTensor

/// The unique valid NB201 cells a generator decodes from a dataset, in the order first found,
/// with the counts of decodes and valid decodes (MetaD2A's `generate_architectures`).
struct GeneratedCells {
    /// One ranked cell: the meta-predictor's accuracy (%) averaged over set draws, and its spread.
    struct Ranked {
        var cell: NB201Cell
        var mean: Double
        var std: Double
    }

    let cells: [NB201Cell]
    let decoded: Int
    let valid: Int

    /// Per decode, a fresh set draw (set 0 of `sets`, `numSample` images a class), its `z = mu`,
    /// one sampled decode; until `count` unique valid cells or `attempts` decodes.
    /// With `fixedMean` (the dataset-blind control) every decode starts from it instead.
    init(generator: GraphGenerator, sets: MetaFeatureSets, numSample: Int, count: Int, attempts: Int, fixedMean: Tensor? = nil,
         using rng: inout some RandomNumberGenerator) throws {
        var cells: [NB201Cell] = [], seen: Set<NB201Cell> = [], decoded = 0, valid = 0
        while cells.count < count, decoded < attempts {
            let mean = fixedMean ?? GradMode.withNoGrad { generator(sets.draw(0, samples: numSample, using: &rng)) }
            let graphs: [MetaD2AGraph]
            do { graphs = try generator.decode(mean, sampling: true, using: &rng) } catch {
                throw ExperimentError.badInput("the generator's scores are not finite numbers (\(error)): its weights have diverged")
            }
            decoded += 1
            guard let graph = graphs.first, let cell = try? graph.nb201Cell() else { continue }
            valid += 1
            if seen.insert(cell).inserted { cells.append(cell) }
        }
        self.cells = cells
        self.decoded = decoded
        self.valid = valid
    }

    /// The dataset-blind control's inputs: the mean over `training`'s sets (one draw each, in order)
    /// of the generator's `mu` and of the predictor's dataset embedding.
    static func meanTaskEmbeddings(generator: GraphGenerator, generatorSamples: Int, predictor: MetaPredictor, predictorSamples: Int,
                                   training: MetaFeatureSets, using rng: inout some RandomNumberGenerator) -> (mu: Tensor, embedding: Tensor) {
        GradMode.withNoGrad {
            var mu: Tensor?, embedding: Tensor?
            for t in 0..<training.count {
                let m = generator(training.draw(t, samples: generatorSamples, using: &rng))
                let e = predictor(training.draw(t, samples: predictorSamples, using: &rng))
                mu = mu.map { $0 + m } ?? m
                embedding = embedding.map { $0 + e } ?? e
            }
            let n = Float(max(training.count, 1))
            return ((mu ?? Tensor.zeros([1, 1])) / n, (embedding ?? Tensor.zeros([1, 1])) / n)
        }
    }

    /// `count` distinct uniform NB201 cells (the baselines' source): every draw valid and unique.
    init(randomCells count: Int, using rng: inout some RandomNumberGenerator) {
        var cells: [NB201Cell] = [], seen: Set<NB201Cell> = []
        let space = NB201Space()
        while cells.count < count {
            let cell = space.sample(using: &rng)
            if seen.insert(cell).inserted { cells.append(cell) }
        }
        self.cells = cells
        decoded = count
        valid = count
    }

    /// `cells` with the predictor's accuracy (%), each the mean over `draws` set draws (the same
    /// draws for every cell); with `sorted`, best first (equal means in cell rank order), otherwise
    /// in the order given.
    /// With `fixedEmbedding` (the dataset-blind control) every draw's dataset embedding is it.
    static func rank(_ cells: [NB201Cell], predictor: MetaPredictor, model: MetaPredictorModel, sets: MetaFeatureSets, draws: Int,
                     sorted: Bool = true, fixedEmbedding: Tensor? = nil, using rng: inout some RandomNumberGenerator) -> [Ranked] {
        var sums = [Double](repeating: 0, count: cells.count), squares = sums
        GradMode.withNoGrad {
            for _ in 0..<draws {
                let embedding = fixedEmbedding ?? predictor(sets.draw(0, samples: model.numSample, using: &rng))
                for start in stride(from: 0, to: cells.count, by: 100) {
                    let part = cells[start..<min(start + 100, cells.count)]
                    let graphs = predictor.encodeGraphs(part.map { MetaD2AGraph(cell: $0) })
                    let scores = predictor.head(Tensor.cat([Tensor.cat(Array(repeating: embedding, count: part.count), axis: 0), graphs], axis: 1))
                    for (k, s) in scores.data.enumerated() {
                        let accuracy = model.scaling.accuracy(scaled: Double(s))
                        sums[start + k] += accuracy
                        squares[start + k] += accuracy * accuracy
                    }
                }
            }
        }
        let n = Double(draws)
        let ranked = cells.indices.map { k in
            Ranked(cell: cells[k], mean: sums[k] / n, std: max(0, squares[k] / n - (sums[k] / n) * (sums[k] / n)).squareRoot())
        }
        return sorted ? ranked.sorted { $0.mean != $1.mean ? $0.mean > $1.mean : $0.cell.rank < $1.cell.rank } : ranked
    }
}
