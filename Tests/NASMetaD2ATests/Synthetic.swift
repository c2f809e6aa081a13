import NASMetaD2A
import NASSpaces
import NASTensor

/// Synthetic MetaD2A examples: tasks of image features with class-dependent means, NB201 cells.
enum Synthetic {
    /// `count` tasks of `[classes, samples, features]`: each class's features are normal around a
    /// mean of its own (so tasks differ), drawn from `rng`.
    static func tasks(_ count: Int, classes: Int, samples: Int, features: Int, using rng: inout SplitMix64) -> [Tensor] {
        (0..<count).map { _ in
            var data: [Float] = []
            for _ in 0..<classes {
                let centre = (0..<features).map { _ in rng.nextFloat(in: -1.5..<1.5) }
                for _ in 0..<samples { for f in 0..<features { data.append(centre[f] + 0.3 * rng.nextNormal()) } }
            }
            return Tensor(shape: [classes, samples, features], data: data)
        }
    }

    /// `count` distinct NB201 cells sampled from `rng`.
    static func cells(_ count: Int, using rng: inout SplitMix64) -> [NB201Cell] {
        var cells: [NB201Cell] = []
        while cells.count < count {
            let c = NB201Space().sample(using: &rng)
            if !cells.contains(c) { cells.append(c) }
        }
        return cells
    }
}
