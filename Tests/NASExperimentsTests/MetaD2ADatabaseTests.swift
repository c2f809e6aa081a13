import Foundation
import NASCore
import NASDatasets
import NASExperiments
import NASHDF5
import NASSpaces
import XCTest

/// MetaD2A's meta-training database on a synthetic image set: tasks, the label recipe, a run
/// and its resume, bad input.
final class MetaD2ADatabaseTests: XCTestCase {
    /// `classes` classes of `perClass` 3x8x8 images each, a class's images brighter in channel
    /// (class % 3) and noisy (seeded), labels interleaved.
    static func syntheticSet(classes: Int = 10, perClass: Int = 40) -> ImageDataset {
        var rng = SplitMix64(seed: 5)
        var pixels: [UInt8] = [], labels: [UInt8] = []
        for i in 0..<(classes * perClass) {
            let label = i % classes
            labels.append(UInt8(label))
            for c in 0..<3 {
                for p in 0..<64 {
                    let base = c == label % 3 ? 120 + 12 * label : 40
                    let stripe = (p / 8 + label) % 4 == 0 ? 60 : 0
                    pixels.append(UInt8(min(255, base + stripe + rng.nextIndex(below: 40))))
                }
            }
        }
        return ImageDataset(pixels: pixels, labels: labels, channels: 3, height: 8, width: 8, classNames: (0..<classes).map { "c\($0)" })
    }

    static func pool(classes: Int = 10) throws -> MetaTaskPool {
        try MetaTaskPool(members: [.init(source: .digits, images: syntheticSet(classes: classes))])
    }

    static let shape = MetaTaskShape(ways: 5, trainPerClass: 12, validPerClass: 8)

    static func tinySettings() -> MetaLabelSettings {
        var settings = MetaLabelSettings()
        settings.channels = 4
        settings.epochs = 2
        settings.batchSize = 20
        settings.imageSize = 8
        return settings
    }

    func testTasksAreDeterministicAndDisjointPerClass() throws {
        let pool = try Self.pool()
        let a = try MetaTask.sample(index: 3, seed: 9, pool: pool, shape: Self.shape)
        XCTAssertEqual(a, try MetaTask.sample(index: 3, seed: 9, pool: pool, shape: Self.shape))
        XCTAssertNotEqual(a, try MetaTask.sample(index: 4, seed: 9, pool: pool, shape: Self.shape))
        XCTAssertNotEqual(a, try MetaTask.sample(index: 3, seed: 10, pool: pool, shape: Self.shape))
        XCTAssertEqual(Set(a.classes).count, 5)
        let labels = pool.members[0].images.labels
        for (j, label) in a.classes.enumerated() {
            XCTAssertEqual(a.trainImages[j].count, 12)
            XCTAssertEqual(a.validImages[j].count, 8)
            XCTAssertTrue(Set(a.trainImages[j]).isDisjoint(with: a.validImages[j]))
            XCTAssertEqual(Set(a.trainImages[j] + a.validImages[j]).count, 20)
            XCTAssertTrue((a.trainImages[j] + a.validImages[j]).allSatisfy { Int(labels[$0]) == label })
        }
        let (train, valid) = try a.images(from: pool)
        XCTAssertEqual(train.classCounts(), [12, 12, 12, 12, 12])
        XCTAssertEqual(valid.classCounts(), [8, 8, 8, 8, 8])
    }

    func testLabelIsDeterministicForASeedAndChangesWithTheCell() throws {
        let pool = try Self.pool()
        let images = try MetaTask.sample(index: 0, seed: 1, pool: pool, shape: Self.shape).images(from: pool)
        let settings = Self.tinySettings()
        let conv = NB201Cell(ops: [NB201Op](repeating: .norConv3x3, count: 6))
        let first = try MetaLabelRecipe.trainLabel(cell: conv, task: images, settings: settings, seed: 7)
        XCTAssertEqual(first, try MetaLabelRecipe.trainLabel(cell: conv, task: images, settings: settings, seed: 7))
        let cells = [0, 1, 2_000, 7_000, 11_000, 15_624].compactMap { NB201Cell(rank: $0) }
        let others = try cells.map { try MetaLabelRecipe.trainLabel(cell: $0, task: images, settings: settings, seed: 7) }
        XCTAssertGreaterThan(Set(others + [first]).count, 1, "every cell got \(first)")
        XCTAssertTrue(others.allSatisfy { $0 >= 0 && $0 <= 100 })
    }

    func testRunResumesToTheSameBytesAndWritesTheDatabase() throws {
        var spec = MetaD2ADatabaseSpec()
        spec.tasks = 2
        spec.cellsPerTask = 2
        spec.seed = 4
        spec.sources = [.digits]
        spec.shape = Self.shape
        spec.label = Self.tinySettings()
        let database = try MetaD2ADatabase(spec: spec, pool: try Self.pool())
        let root = NSTemporaryDirectory() + "metad2a-db-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let clean = root + "/clean", cut = root + "/cut"
        XCTAssertEqual(try database.run(out: clean, resume: false), 4)
        try database.run(out: cut, resume: false)
        // As a kill leaves it: two labels in, a half-written third row, no database yet.
        for name in ["labels.csv", "seconds.csv"] {
            let lines = try String(contentsOfFile: "\(cut)/\(name)", encoding: .utf8).split(separator: "\n")
            try (lines.prefix(3).joined(separator: "\n") + "\n" + lines[3].prefix(5)).write(toFile: "\(cut)/\(name)", atomically: true, encoding: .utf8)
        }
        try FileManager.default.removeItem(atPath: "\(cut)/\(MetaD2ADatabase.fileName)")
        XCTAssertThrowsError(try database.run(out: cut, resume: false)) { XCTAssertTrue("\($0)".contains("--resume"), "\($0)") }
        XCTAssertEqual(try database.run(out: cut, resume: true), 2)
        for name in ["labels.csv", "config.json", "tasks.json", MetaD2ADatabase.fileName] {
            XCTAssertEqual(FileManager.default.contents(atPath: "\(cut)/\(name)"), FileManager.default.contents(atPath: "\(clean)/\(name)"), name)
        }
        let file = try HDF5File.open("\(clean)/\(MetaD2ADatabase.fileName)")
        let rootGroup = try file.root()
        XCTAssertEqual(try rootGroup.stringAttribute("format"), "nasbench-metad2a-db")
        XCTAssertEqual(try rootGroup.group("tasks").dataset("train_images").shape(), [2, 5, 12])
        XCTAssertEqual(try rootGroup.group("labels").dataset("task").read(as: Int64.self), [0, 0, 1, 1])
        XCTAssertEqual(try rootGroup.group("labels").dataset("arch").readStrings(), database.cells.flatMap { $0.map(\.description) })
    }

    func testBadInputIsOneLine() throws {
        XCTAssertThrowsError(try MetaTask.sample(index: 0, seed: 0, pool: try Self.pool(classes: 3), shape: Self.shape)) {
            XCTAssertTrue("\($0)".contains("5-way tasks need 5"), "\($0)")
        }
        var spec = MetaD2ADatabaseSpec()
        spec.cellsPerTask = 0
        XCTAssertThrowsError(try spec.validate()) { XCTAssertTrue("\($0)".contains("--cells-per-task"), "\($0)") }
        spec.cellsPerTask = 1
        spec.sources = [.cifar10]
        XCTAssertThrowsError(try spec.validate()) { XCTAssertTrue("\($0)".contains("--cifar"), "\($0)") }
        var big = Self.shape
        big.trainPerClass = 40
        XCTAssertThrowsError(try Self.pool().check(big)) { XCTAssertFalse("\($0)".contains("\n")) }
    }
}
