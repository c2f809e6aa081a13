import Foundation
import NASCore
import NASDatasets
import NASExperiments
import NASHDF5
import NASMetaD2A
import XCTest

/// The image encoder's training run on a synthetic set (resume to the same bytes), its held-out
/// split, the feature file, the weights' bad input, and the prototype report.
final class EncoderTrainRunTests: XCTestCase {
    static func pool() throws -> MetaTaskPool {
        try MetaTaskPool(members: [.init(source: .digits, images: MetaD2ADatabaseTests.syntheticSet(classes: 6, perClass: 20))])
    }

    static func tinySpec() -> EncoderTrainSpec {
        var spec = EncoderTrainSpec()
        spec.sources = [.digits]
        spec.encoder = ImageEncoderConfiguration(width: 4)
        spec.epochs = 3
        spec.batchSize = 16
        spec.evalPerClass = 2
        spec.seed = 5
        return spec
    }

    func folder(_ name: String) -> String {
        NSTemporaryDirectory() + "encoder-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
    }

    func testHeldOutSplitIsEveryFifthImageOfEachClass() throws {
        let member = try Self.pool().members[0]
        let split = member.encoderSplit(holdoutEvery: 5)
        for c in 0..<6 {
            XCTAssertEqual(split.heldOut[c], [4, 9, 14, 19].map { member.classImages[c][$0] })
            XCTAssertEqual(split.training[c].count, 16)
            XCTAssertTrue(Set(split.training[c]).isDisjoint(with: split.heldOut[c]))
        }
    }

    func testKilledRunResumesToTheBytesOfAnUninterruptedOne() throws {
        let pool = try Self.pool(), spec = Self.tinySpec()
        let clean = folder("clean"), cut = folder("cut")
        defer { for f in [clean, cut] { try? FileManager.default.removeItem(atPath: f) } }
        let outcome = try EncoderTrainRun.run(spec, pool: pool, out: clean, resume: false, progress: false)
        XCTAssertEqual(outcome.trainImages, 96)
        XCTAssertEqual(outcome.classes, 6)
        struct Killed: Error {}
        XCTAssertThrowsError(try EncoderTrainRun.run(spec, pool: pool, out: cut, resume: false, progress: false) { epoch in
            if epoch == 0 { throw Killed() }
        })
        XCTAssertFalse(FileManager.default.fileExists(atPath: "\(cut)/\(EncoderTrainRun.encoderFile)"))
        // A kill after the next epoch's rows but before its state: the resume cuts them back.
        let rows = try String(contentsOfFile: "\(cut)/epochs.csv", encoding: .utf8)
        try (rows + "1,0.0,9,9,9\n").write(toFile: "\(cut)/epochs.csv", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try EncoderTrainRun.run(spec, pool: pool, out: cut, resume: false, progress: false)) {
            XCTAssertTrue("\($0)".contains("--resume"), "\($0)")
        }
        var changed = spec
        changed.learningRate = 0.1
        XCTAssertThrowsError(try EncoderTrainRun.run(changed, pool: pool, out: cut, resume: true, progress: false)) {
            XCTAssertTrue("\($0)".contains("different configuration"), "\($0)")
        }
        XCTAssertEqual(try EncoderTrainRun.run(spec, pool: pool, out: cut, resume: true, progress: false), outcome)
        for name in ["config.json", "epochs.csv", "result.json", EncoderTrainRun.encoderFile, "checkpoint-2.h5"] {
            XCTAssertEqual(FileManager.default.contents(atPath: "\(cut)/\(name)"), FileManager.default.contents(atPath: "\(clean)/\(name)"), name)
        }
        let epochs = try String(contentsOfFile: "\(clean)/epochs.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(epochs.count, 4)
        XCTAssertEqual(epochs[0], "epoch,learning_rate,train_loss,train_accuracy,held_out_accuracy")

        // The saved encoder loads (its layout read from the file) and encodes the set by class.
        let weights = EncoderWeights.checkpoint(path: "\(clean)/\(EncoderTrainRun.encoderFile)")
        XCTAssertEqual(try weights.load().configuration, spec.encoder)
        let (file, _) = try EncoderFeatureFile.encode(pool.members[0], weights: weights, perClass: 3, progress: false)
        XCTAssertEqual(file.labels, (0..<6).flatMap { [Int](repeating: $0, count: 3) })
        XCTAssertEqual(file.indices, pool.members[0].classImages.flatMap { $0.prefix(3) })
        XCTAssertEqual(file.dimension, 512)
        XCTAssertEqual(file.classOffsets, [0, 3, 6, 9, 12, 15, 18])
        let path = "\(clean)/features.h5"
        try file.write(to: path)
        XCTAssertEqual(try EncoderFeatureFile.read(path), file)
        let again = try EncoderFeatureFile.encode(pool.members[0], weights: weights, perClass: 3, progress: false).file
        XCTAssertEqual(again.features, file.features, "same weights, same features")
        let random = try EncoderFeatureFile.encode(pool.members[0], weights: .random(seed: 5, configuration: spec.encoder), perClass: 3,
                                                   progress: false).file
        XCTAssertNotEqual(random.features, file.features)
        let adapted = try EncoderFeatureFile.encode(pool.members[0], weights: weights, perClass: 3, adaptBatchNorm: true, progress: false).file
        XCTAssertNotEqual(adapted.features, file.features)
        XCTAssertEqual(adapted.features, try EncoderFeatureFile.encode(pool.members[0], weights: weights, perClass: 3, adaptBatchNorm: true,
                                                                       progress: false).file.features)
        XCTAssertTrue(adapted.encoder.hasSuffix("batch norms adapted to these images"), adapted.encoder)
    }

    func testMissingCorruptOrForeignWeightsAreOneLineErrors() throws {
        let dir = folder("bad")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("not hdf5 at all".utf8).write(to: URL(fileURLWithPath: "\(dir)/corrupt.h5"))
        let foreign = HDF5File.self
        let file = try foreign.create("\(dir)/foreign.h5")
        try file.root().setAttribute("format", "nasbench-state")
        try file.root().setAttribute("format_version", 1)
        try file.root().createGroup("state").write("0.weight", [Float](repeating: 1, count: 4), shape: [2, 2])
        try file.flush()
        for (path, expected) in [("\(dir)/missing.h5", "not found"), ("\(dir)/corrupt.h5", "not a readable HDF5 encoder state"),
                                 ("\(dir)/foreign.h5", "no conv1.weight")] {
            XCTAssertThrowsError(try EncoderWeights.checkpoint(path: path).load()) {
                XCTAssertTrue("\($0)".contains(expected), "\($0)")
                XCTAssertFalse("\($0)".contains("\n"), "\($0)")
            }
        }
        XCTAssertThrowsError(try EncoderFeatureFile.read("\(dir)/foreign.h5")) { XCTAssertTrue("\($0)".contains("not a MetaD2A feature file"), "\($0)") }
        var spec = Self.tinySpec()
        spec.sources = [.cifar10]
        XCTAssertThrowsError(try spec.validate()) { XCTAssertTrue("\($0)".contains("meta-test set"), "\($0)") }
    }

    func testReportComparesEncodersOnTheSameEpisodes() throws {
        let pool = try Self.pool()
        var spec = EncoderReportSpec()
        spec.sources = [.digits]
        spec.supportPerClass = 8
        spec.queryPerClass = 4
        spec.shots = [1, 4]
        spec.ways = [3, 0]
        spec.episodes = 5
        spec.randomLayout = ImageEncoderConfiguration(width: 4)
        let out = folder("report")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let rows = try EncoderReport.run(spec, pool: pool, out: out, progress: false)
        XCTAssertEqual(rows.map(\.encoder), Array([[String]](repeating: ["random", "random-adabn", "pixels"], count: 4).joined()))
        XCTAssertEqual(rows.map(\.ways), [3, 3, 3, 3, 3, 3, 6, 6, 6, 6, 6, 6])
        XCTAssertEqual(rows.map(\.queries), [12, 12, 12, 12, 12, 12, 24, 24, 24, 24, 24, 24])
        XCTAssertNotEqual(rows[0].accuracies, rows[1].accuracies, "adapted batch norms change the features")
        // The synthetic classes differ in brightness: pixel prototypes of 4 images separate them well.
        XCTAssertGreaterThan(rows[11].statistics.mean, 60)
        let csv = try String(contentsOfFile: "\(out)/prototypes.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv.first, Substring(EncoderReport.header.joined(separator: ",")))
        XCTAssertEqual(csv.count, 13)
        XCTAssertThrowsError(try EncoderReport.run(spec, pool: pool, out: out, progress: false)) { XCTAssertTrue("\($0)".contains("already holds"), "\($0)") }
    }
}
