import Foundation
import NASHDF5

/// Per-image encoder features of one image set as one HDF5 file (layout in docs/METAD2A.md), rows
/// grouped by class as the authors store them (`{class: [images, 512]}`, process_dataset.py):
/// class c is rows `class_offsets[c] ..< class_offsets[c + 1]`, ascending image index within it.
public struct EncoderFeatureFile: Equatable, Sendable {
    public static let format = "nasbench-metad2a-features"
    public static let version = 1

    /// The image set (`fashion-mnist`, `digits`, `cifar10`).
    public var source: String
    /// Where the weights came from (``EncoderWeights/description()``).
    public var encoder: String
    /// `[rows, dimension]`, row-major.
    public var features: [Float]
    public var dimension: Int
    public var labels: [Int]
    /// Each row's image index in the set as `MetaImageSource` loads it (the database's indices).
    public var indices: [Int]
    public var classNames: [String]
    /// The run's resolved configuration (JSON text).
    public var provenance: String

    public init(source: String, encoder: String, features: [Float], dimension: Int, labels: [Int], indices: [Int],
                classNames: [String], provenance: String) {
        self.source = source; self.encoder = encoder; self.features = features; self.dimension = dimension
        self.labels = labels; self.indices = indices; self.classNames = classNames; self.provenance = provenance
    }

    /// Row offsets of each class (`classNames.count + 1` values); rows must be grouped by class.
    public var classOffsets: [Int] {
        var offsets = [0]
        for c in 0..<classNames.count { offsets.append(offsets[c] + labels.filter { $0 == c }.count) }
        return offsets
    }

    /// Writes the file atomically.
    public func write(to path: String) throws {
        precondition(features.count == labels.count * dimension && indices.count == labels.count, "EncoderFeatureFile: sizes disagree")
        precondition(labels == labels.sorted(), "EncoderFeatureFile: rows must be grouped by class")
        try ExperimentError.writingFile(path) {
            try HDF5File.writeAtomically(to: path) { target in
                let file = try HDF5File.create(target)
                let root = try file.root()
                try root.setAttribute("format", Self.format)
                try root.setAttribute("format_version", Self.version)
                try root.setAttribute("source", source)
                try root.setAttribute("encoder", encoder)
                try root.setAttribute("feature_size", dimension)
                try root.setAttribute("provenance", provenance)
                try root.write("features", features, shape: [labels.count, dimension], chunkRows: 1024, deflate: 0)
                try root.write("labels", labels.map(Int64.init))
                try root.write("indices", indices.map(Int64.init))
                try root.write("class_offsets", classOffsets.map(Int64.init))
                try root.writeStrings("class_names", classNames)
                try file.flush()
            }
        }
    }

    /// Reads a file `write(to:)` wrote; anything else is a one-line error.
    public static func read(_ path: String) throws -> EncoderFeatureFile {
        do {
            let root = try HDF5File.open(path).root()
            guard (try? root.stringAttribute("format")) == format else {
                throw ExperimentError.corruptResults(path: path, why: "not a MetaD2A feature file (format != \(format))")
            }
            let version = try root.integerAttribute("format_version")
            guard version == Self.version else {
                throw ExperimentError.corruptResults(path: path, why: "feature file version \(version) is not supported (expected \(Self.version))")
            }
            let shape = try root.dataset("features").shape()
            guard shape.count == 2 else { throw ExperimentError.corruptResults(path: path, why: "features are not [rows, dimension]") }
            let file = EncoderFeatureFile(
                source: try root.stringAttribute("source"), encoder: try root.stringAttribute("encoder"),
                features: try root.dataset("features").read(as: Float.self), dimension: shape[1],
                labels: try root.dataset("labels").read(as: Int64.self).map(Int.init),
                indices: try root.dataset("indices").read(as: Int64.self).map(Int.init),
                classNames: try root.dataset("class_names").readStrings(), provenance: try root.stringAttribute("provenance"))
            guard file.labels.count == shape[0], file.indices.count == shape[0],
                  try root.dataset("class_offsets").read(as: Int64.self).map(Int.init) == file.classOffsets else {
                throw ExperimentError.corruptResults(path: path, why: "rows, labels, indices and class offsets disagree")
            }
            return file
        } catch let error as HDF5Error {
            throw ExperimentError.corruptResults(path: path, why: error.message)
        }
    }
}
