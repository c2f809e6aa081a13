import NASCore
import NASMetaD2A
import NASSpaces
import NASTensor

/// The generator's training data (the rule, after the authors' MobileNetV3 database): per
/// task and pair, `candidates` distinct uniform NB201 cells, the one the meta-predictor scores best
/// on one set draw of the task (first of equals). Pair `r` of task `t` draws from
/// `TrialSeed.derive(base: seed, trial: t * pairsPerTask + r, stream: 5)`: the cells, then the set.
public struct GeneratorPairs: Sendable {
    public struct Pair: Sendable, Equatable {
        public var task: Int
        public var cell: NB201Cell
        /// The meta-predictor's accuracy (%) for it.
        public var predicted: Double
    }

    public let pairs: [Pair]

    public init(tasks: Int, sets: MetaFeatureSets, predictor: MetaPredictor, model: MetaPredictorModel, spec: GeneratorTrainSpec) {
        var pairs: [Pair] = []
        GradMode.withNoGrad {
            for t in 0..<tasks {
                for r in 0..<spec.pairsPerTask {
                    var rng = SplitMix64(seed: TrialSeed.derive(base: spec.seed, trial: t * spec.pairsPerTask + r, stream: 5))
                    let cells = rng.sampleIndices(spec.candidates, from: NB201Cell.count).compactMap { NB201Cell(rank: $0) }
                    let set = sets.draw(t, samples: model.numSample, using: &rng)
                    let scores = predictor.predict(tasks: Array(repeating: set, count: cells.count), graphs: cells.map { MetaD2AGraph(cell: $0) }).data
                    var bestIndex = 0
                    for (k, s) in scores.enumerated() where s > scores[bestIndex] { bestIndex = k }
                    pairs.append(Pair(task: t, cell: cells[bestIndex], predicted: model.scaling.accuracy(scaled: Double(scores[bestIndex]))))
                }
            }
        }
        self.pairs = pairs
    }

    /// `generator-db.csv` text: `pair,task,arch,predicted_accuracy`.
    public var csv: String {
        (["pair,task,arch,predicted_accuracy"] + pairs.enumerated().map { k, p in
            CSVLine.join(["\(k)", "\(p.task)", p.cell.description, CSVLine.number(p.predicted)])
        }).joined(separator: "\n") + "\n"
    }
}
