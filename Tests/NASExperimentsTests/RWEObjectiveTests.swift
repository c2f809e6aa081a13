import NASCore
import NASDatasets
import NASEvaluators
import NASSpaces
import XCTest

@testable import NASExperiments

final class RWEObjectiveTests: XCTestCase {
    /// Random 8x8 images whose class sets the mean colour.
    static func images(count: Int, seed: UInt64) -> ImageDataset {
        var rng = SplitMix64(seed: seed)
        var pixels = [UInt8](), labels = [UInt8]()
        for _ in 0..<count {
            let label = Int(rng.nextUniform(below: 10))
            labels.append(UInt8(label))
            for c in 0..<3 {
                for _ in 0..<64 { pixels.append(UInt8(20 * ((label + c * 3) % 10) + Int(rng.nextUniform(below: 40)))) }
            }
        }
        return ImageDataset(pixels: pixels, labels: labels, channels: 3, height: 8, width: 8, classNames: CIFAR10.classNames)
    }

    func objective() throws -> RWEObjective {
        var evaluator = RandomWeightEvaluator()
        evaluator.channels = 4
        evaluator.head.steps = 30
        let images = try RWEObjective.sampleImages(
            train: Self.images(count: 60, seed: 1), test: Self.images(count: 30, seed: 2), trainImages: 40,
            testImages: 20, seed: 7)
        return RWEObjective(evaluator: evaluator, images: images, seed: 7)
    }

    func testEachCellIsEvaluatedOnceAndItsScoreIgnoresTheOrder() throws {
        var rng = SplitMix64(seed: 1)
        let cells = (0..<3).map { _ in NB201Space().sample(using: &rng) }
        let a = try objective(), b = try objective()
        let forward = try cells.map(a.accuracy)
        let backward = try cells.reversed().map(b.accuracy).reversed()
        XCTAssertEqual(forward, Array(backward))
        XCTAssertEqual(try a.accuracy(cells[0]), forward[0])
        XCTAssertEqual(a.evaluatedCount, Set(cells).count)
        XCTAssertTrue(forward.allSatisfy { (0...1).contains($0) })
    }

    func testTooManyImagesIsAnError() throws {
        XCTAssertThrowsError(try RWEObjective.sampleImages(
            train: Self.images(count: 10, seed: 1), test: Self.images(count: 10, seed: 2), trainImages: 11,
            testImages: 5, seed: 0))
    }
}
