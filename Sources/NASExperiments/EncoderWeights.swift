import Foundation
import NASCore
import NASHDF5
import NASMetaD2A
import NASOracle
import NASTensorState

/// Where an image encoder's weights come from: a saved encoder (`encoder.h5` of a
/// `metad2a train-encoder` run, the engine's module-state format) or a seeded random
/// initialisation (the measured fallback when nothing was trained).
public enum EncoderWeights: Sendable, Equatable {
    case checkpoint(path: String)
    case random(seed: UInt64, configuration: ImageEncoderConfiguration)

    /// How `config.json` and the feature files name it: the checkpoint's path hint and SHA-256, or
    /// the seed and width.
    public func description() throws -> String {
        switch self {
        case .checkpoint(let path): return "checkpoint \(PathHint.hint(for: path)) sha256 \(try SHA256Digest.hex(ofFile: path))"
        case .random(let seed, let configuration): return "random weights seed \(seed) width \(configuration.width)"
        }
    }

    /// The encoder, in inference mode. A checkpoint's layout is read from its tensors' shapes
    /// (`conv1.weight` gives the width, the `layerS.0` names the stages, `projection.weight` the
    /// feature size); a missing, corrupt or foreign file is a one-line error.
    public func load() throws -> ImageEncoder {
        let encoder: ImageEncoder
        switch self {
        case .random(let seed, let configuration):
            var rng = SplitMix64(seed: TrialSeed.derive(base: seed, trial: 0, stream: 1))
            do { encoder = try ImageEncoder(configuration, using: &rng) } catch { throw ExperimentError.badInput("\(error)") }
        case .checkpoint(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw ExperimentError.badInput("encoder checkpoint \(path) not found (train one with `nasbench metad2a train-encoder`, or use --random-weights)")
            }
            let configuration = try Self.layout(of: path)
            var rng = SplitMix64(seed: 0)
            do {
                encoder = try ImageEncoder(configuration, using: &rng)
                try encoder.loadState(from: path)
            } catch {
                throw ExperimentError.corruptResults(path: path, why: "not an image encoder's state: \("\(error)".replacingOccurrences(of: "\(path): ", with: ""))")
            }
        }
        encoder.eval()
        return encoder
    }

    /// The layout a saved encoder state implies.
    static func layout(of path: String) throws -> ImageEncoderConfiguration {
        do {
            let root = try HDF5File.open(path).root()
            guard (try? root.stringAttribute("format")) == "nasbench-state" else {
                throw ExperimentError.corruptResults(path: path, why: "not a nasbench module state (no format = nasbench-state attribute)")
            }
            let state = try root.group("state")
            let names = Set(try state.childNames())
            guard names.contains("conv1.weight") else {
                throw ExperimentError.corruptResults(path: path, why: "not an image encoder's state (no conv1.weight; a train-encoder run's encoder is its encoder.h5)")
            }
            let width = try state.dataset("conv1.weight").shape()[0]
            var blocks: [Int] = []
            while names.contains("layer\(blocks.count + 1).0.conv1.weight") {
                var count = 0
                while names.contains("layer\(blocks.count + 1).\(count).conv1.weight") { count += 1 }
                blocks.append(count)
            }
            let featureSize = names.contains("projection.weight")
                ? try state.dataset("projection.weight").shape()[0] : width << max(blocks.count - 1, 0)
            return ImageEncoderConfiguration(width: width, blocksPerStage: blocks, featureSize: featureSize)
        } catch let error as HDF5Error {
            throw ExperimentError.corruptResults(path: path, why: "not a readable HDF5 encoder state (\(error.message))")
        }
    }
}
