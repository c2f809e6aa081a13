import Foundation
import NASCore
import NASDatasets
import TestSupport
import XCTest

final class CIFAR10Tests: XCTestCase {
    /// Writes a CIFAR-10-layout archive of small batches whose pixels encode (batch, record).
    func makeArchive(_ folder: TemporaryFolder, records: Int = 7, recordBytes: Int = CIFAR10.recordSize) throws -> String {
        let root = folder.file("src/cifar-10-batches-bin")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (b, name) in ["data_batch_1.bin", "data_batch_2.bin", "test_batch.bin"].enumerated() {
            var bytes: [UInt8] = []
            for r in 0..<records {
                bytes.append(UInt8((b * records + r) % 10))
                bytes.append(contentsOf: (0..<(recordBytes - 1)).map { UInt8(truncatingIfNeeded: b * 31 + r * 7 + $0) })
            }
            try Data(bytes).write(to: URL(fileURLWithPath: (root as NSString).appendingPathComponent(name)))
        }
        try CIFAR10.classNames.joined(separator: "\n").write(
            toFile: (root as NSString).appendingPathComponent("batches.meta.txt"), atomically: true, encoding: .utf8)
        let archive = folder.file("cifar.tar.gz")
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-czf", archive, "-C", folder.file("src"), "cifar-10-batches-bin"]
        try tar.run()
        tar.waitUntilExit()
        XCTAssertEqual(tar.terminationStatus, 0)
        return archive
    }

    func testReadsBatchesInOrder() throws {
        let folder = try TemporaryFolder()
        let archive = try makeArchive(folder)
        let train = try CIFAR10.load(archive: archive, part: .train)
        XCTAssertEqual(train.count, 14)
        XCTAssertEqual(train.labels, (0..<14).map { UInt8($0 % 10) })
        XCTAssertEqual(train.pixels[0..<3], [0, 1, 2])
        XCTAssertEqual(train.pixels[7 * 3072], UInt8(truncatingIfNeeded: 31))  // batch 2, record 0
        XCTAssertEqual(train.classNames[9], "truck")
        let test = try CIFAR10.load(archive: archive, part: .test)
        XCTAssertEqual(test.count, 7)
        XCTAssertEqual(test.labels.first, 4)  // (2 * 7 + 0) % 10
    }

    func testSeededSubsetsAndNormalisation() throws {
        let folder = try TemporaryFolder()
        let train = try CIFAR10.load(archive: try makeArchive(folder), part: .train)
        var a = SplitMix64(seed: 3), b = SplitMix64(seed: 3)
        XCTAssertEqual(train.randomSubset(5, using: &a), train.randomSubset(5, using: &b))
        XCTAssertEqual(Set(train.randomSubset(14, using: &a).labels.indices).count, 14)
        let (mean, std) = train.channelStatistics()
        let x = train.normalised(mean: mean, std: std)
        let plane = 1024
        var m: Double = 0
        for image in 0..<train.count { for p in 0..<plane { m += Double(x[image * 3072 + p]) } }
        XCTAssertEqual(m / Double(train.count * plane), 0, accuracy: 1e-4, "red channel normalised to mean 0")
    }

    func testBadArchivesGiveClearErrors() throws {
        let folder = try TemporaryFolder()
        let good = try makeArchive(folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        let truncated = folder.file("truncated.tar.gz")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        assertFails(truncated, "truncated")
        assertFails(try folder.write("text.tar.gz", "hello"), "archive")
        assertFails(folder.file("missing.tar.gz"), "cannot open")
        let other = try TemporaryFolder()
        assertFails(try makeArchive(other, recordBytes: 3000), "not a whole number of 3073-byte CIFAR-10 records")
    }

    func assertFails(_ path: String, _ text: String, line: UInt = #line) {
        XCTAssertThrowsError(try CIFAR10.load(archive: path, part: .train), line: line) { error in
            XCTAssertTrue("\(error)".contains(path), "\(error)", line: line)
            XCTAssertTrue("\(error)".contains(text), "\(error)", line: line)
        }
    }

    func testSharedCIFAR10Subset() throws {
        let archive = try RealData.file("cifar10/cifar-10-binary-subset.tar.gz")
        let train = try CIFAR10.load(archive: archive, part: .train)
        let test = try CIFAR10.load(archive: archive, part: .test)
        XCTAssertEqual(train.count, 10_000)
        XCTAssertEqual(test.count, 10_000)
        XCTAssertEqual(test.classCounts(), [Int](repeating: 1_000, count: 10))
        XCTAssertEqual(train.channelStatistics().mean.reduce(0, +) / 3, 0.4738, accuracy: 5e-5)
        XCTAssertEqual(test.channelStatistics().mean.reduce(0, +) / 3, 0.4765, accuracy: 5e-5)
    }
}
