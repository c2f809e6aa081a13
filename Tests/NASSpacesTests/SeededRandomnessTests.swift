import NASSpaces
import XCTest

/// The project's own sampling primitives (NASCore): pinned streams and ranges.
final class SeededRandomnessTests: XCTestCase {
    func testUnitDrawsUseTheTopBitsOfOneDraw() {
        // SplitMix64(seed: 0) yields 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4 (see NB201SamplingTests).
        var doubles = SplitMix64(seed: 0)
        XCTAssertEqual(doubles.nextUnitDouble(), Double(0xE220_A839_7B1D_CDAF as UInt64 >> 11) * 0x1p-53)
        XCTAssertEqual(doubles.nextUnitDouble(), 0.43152799704850997)
        var floats = SplitMix64(seed: 0)
        XCTAssertEqual(floats.nextUnitFloat(), 0.8833107948303223)
        XCTAssertEqual(floats.nextUnitFloat(), 0.4315279722213745)
    }

    func testNormalIsBoxMullerOnUnitDoubles() {
        // sqrt(-2 log(1 - u1)) cos(2 pi u2) for the two unit doubles above (computed in Python).
        var generator = SplitMix64(seed: 0)
        XCTAssertEqual(generator.nextNormal(), -1.8839083, accuracy: 1e-6)
    }

    func testRangedDrawsStayInTheirRange() {
        var generator = SplitMix64(seed: 3)
        for _ in 0..<10_000 {
            let f = generator.nextFloat(in: -0.25..<0.25)
            XCTAssert(f >= -0.25 && f < 0.25, "\(f)")
            let d = generator.nextDouble(in: 2..<3)
            XCTAssert(d >= 2 && d < 3, "\(d)")
            let u = generator.nextUnitFloat()
            XCTAssert(u >= 0 && u < 1, "\(u)")
        }
    }

    func testShuffleAndSampleIndicesArePermutations() {
        var generator = SplitMix64(seed: 11)
        var values = Array(0..<50)
        generator.shuffle(&values)
        XCTAssertEqual(values.sorted(), Array(0..<50))
        XCTAssertNotEqual(values, Array(0..<50))
        let drawn = generator.sampleIndices(10, from: 50)
        XCTAssertEqual(Set(drawn).count, 10)
        XCTAssert(drawn.allSatisfy { (0..<50).contains($0) })
        XCTAssertEqual(generator.sampleIndices(80, from: 5).sorted(), Array(0..<5))
    }
}
