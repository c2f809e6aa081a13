import Crypto
import Foundation
import NASDatasets

/// The image sets MetaD2A tasks are drawn from, loaded once (32x32 RGB, ``MetaImageSource``), in
/// the order given. Each set is named by the SHA-256 of its loaded bytes (labels, then pixels), so
/// a run's record identifies its images whatever file or checkout they came from.
public struct MetaTaskPool: Sendable {
    public struct Member: Sendable {
        public let source: MetaImageSource
        public let images: ImageDataset
        /// Image indices of each class label, ascending.
        public let classImages: [[Int]]

        public init(source: MetaImageSource, images: ImageDataset) {
            self.source = source
            self.images = images
            var byClass = [[Int]](repeating: [], count: images.classCounts().count)
            for (i, label) in images.labels.enumerated() { byClass[Int(label)].append(i) }
            classImages = byClass
        }

        /// Hex SHA-256 of the labels then the pixels.
        public var digest: String {
            var hasher = Crypto.SHA256()
            hasher.update(data: Data(images.labels))
            hasher.update(data: Data(images.pixels))
            return hasher.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }

    public let members: [Member]

    /// A pool of already loaded sets (tests build synthetic ones).
    public init(members: [Member]) throws {
        guard !members.isEmpty else { throw ExperimentError.badInput("the task pool needs at least one image set") }
        guard Set(members.map(\.source)).count == members.count else {
            throw ExperimentError.badInput("an image set is listed twice in the task pool: \(members.map(\.source.rawValue).joined(separator: ","))")
        }
        self.members = members
    }

    /// Loads `sources` (cifar10 needs `cifar`, the CIFAR-10 archive).
    public static func load(_ sources: [MetaImageSource], cifar: String?) throws -> MetaTaskPool {
        try MetaTaskPool(members: sources.map { source in
            do {
                return Member(source: source, images: try source.load(cifar: cifar))
            } catch let error as DatasetError {
                throw ExperimentError.badInput("\(source.rawValue): \(error)")
            }
        })
    }

    /// The member holding `source`.
    public func member(_ source: MetaImageSource) throws -> Member {
        guard let member = members.first(where: { $0.source == source }) else {
            throw ExperimentError.badInput("the task pool has no \(source.rawValue) images")
        }
        return member
    }

    /// Checks that every set can make tasks of `shape`: `ways` classes of enough images each.
    public func check(_ shape: MetaTaskShape) throws {
        try shape.validate()
        for member in members {
            let eligible = member.classImages.filter { $0.count >= shape.imagesPerClass }.count
            guard eligible >= shape.ways else {
                throw ExperimentError.badInput(
                    "\(member.source.rawValue) has \(eligible) classes with at least \(shape.imagesPerClass) images (\(shape.trainPerClass) training + \(shape.validPerClass) validation); \(shape.ways)-way tasks need \(shape.ways)")
            }
        }
    }
}
