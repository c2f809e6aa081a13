import NASOracle
import NASSpaces
import TestSupport
import XCTest

final class OracleTests: XCTestCase {
    let accuracy = NASOracle.Query(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200)

    func testQueriesCountAndChargeTrainingTime() throws {
        let table = try Fixtures.nb201Table()
        var oracle = TabularOracle(table: table)
        var rng = SplitMix64(seed: 1)
        let cell = NB201Space().describe(NB201Cell(rank: 7)!)
        XCTAssertEqual(try oracle.query(cell, accuracy, using: &rng), Double(try table.column(Fixtures.accuracyKey)[7]))
        let short = NASOracle.Query(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200)
        _ = try oracle.query(cell, short, using: &rng)
        XCTAssertEqual(oracle.queryCount, 2)
        XCTAssertEqual(oracle.simulatedSeconds, 2 * 1007, accuracy: 1e-9)
        oracle.resetCounters()
        XCTAssertEqual(oracle.queryCount, 0)
    }

    func testShorterBudgetCostsItsShareOfTheTime() throws {
        // Only the 200-epoch time is stored; a 12-epoch query would cost 12/200 of it. The
        // fixture has no 12-epoch accuracy, so resolving must fail and name what exists.
        let oracle = TabularOracle(table: try Fixtures.nb201Table())
        let q12 = NASOracle.Query(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 12)
        XCTAssertThrowsError(try oracle.resolve(q12)) { error in
            XCTAssertTrue("\(error)".contains("no column cifar10-valid.valid.accuracy.e12"), "\(error)")
            XCTAssertTrue("\(error)".contains("cifar10-valid.valid.accuracy.e200"), "\(error)")
        }
        let resolved = try oracle.resolve(accuracy)
        XCTAssertEqual(resolved.costScale, 1)
    }

    func testEpochsAreNeverDefaulted() throws {
        let oracle = TabularOracle(table: try Fixtures.nb201Table())
        let noEpochs = NASOracle.Query(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: nil)
        XCTAssertThrowsError(try oracle.resolve(noEpochs)) { error in
            XCTAssertTrue("\(error)".contains("give epochs (available: 200)"), "\(error)")
        }
    }

    func testUnknownCellIsAnError() throws {
        var oracle = TabularOracle(table: try Fixtures.nb201Table())
        var rng = SplitMix64(seed: 1)
        let outside = NB201Space().describe(NB201Cell(rank: 15_000)!)
        XCTAssertThrowsError(try oracle.query(outside, accuracy, using: &rng)) { error in
            XCTAssertTrue("\(error)".contains("is not in this nb201 table"), "\(error)")
        }
        XCTAssertThrowsError(try oracle.table.row(ofCell: "|conv5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|")) { error in
            XCTAssertTrue("\(error)".contains("unknown op 'conv5x5'"), "\(error)")
        }
        XCTAssertThrowsError(try oracle.value(NB201Cell(rank: 15_000)!, oracle.resolve(accuracy), using: &rng))
    }

    func testSampledSeedDrawsOnlyAvailableSeedsUniformlyAndReproducibly() throws {
        let table = try Fixtures.nb201Table()
        var oracle = TabularOracle(table: table)
        var sampled = accuracy
        sampled.seed = .sampled
        let resolved = try oracle.resolve(sampled)
        let s0 = try table.column(ColumnKey(name: "cifar10-valid.valid.accuracy.e200.seed0"))
        let s1 = try table.column(ColumnKey(name: "cifar10-valid.valid.accuracy.e200.seed1"))
        var rng = SplitMix64(seed: 42)
        // Row 3 (rank 3) has seed 1 missing: it must always answer seed 0.
        for _ in 0..<200 { XCTAssertEqual(oracle.value(row: 3, resolved, using: &rng), s0[3]) }
        var firsts = 0
        let draws = 20_000
        for _ in 0..<draws {
            let v = oracle.value(row: 4, resolved, using: &rng)
            XCTAssertTrue(v == s0[4] || v == s1[4])
            if v == s0[4] { firsts += 1 }
        }
        // Binomial(20000, 1/2): 5 standard deviations is about 354.
        XCTAssertLessThan(abs(firsts - draws / 2), 354)
        var again = SplitMix64(seed: 42)
        var replay = TabularOracle(table: table)
        var first = SplitMix64(seed: 42)
        XCTAssertEqual(
            (0..<100).map { _ in replay.value(row: 4, resolved, using: &again) },
            (0..<100).map { _ in oracle.value(row: 4, resolved, using: &first) })
    }

    func testSampledSeedDrawsEverySeedOfACellNotOnlyTheFirstFour() throws {
        // Six seed columns; seed 2 is missing, so each draw is one of the five others.
        let space = NB201Space()
        let cells = Array(space.allCells.prefix(3))
        var columns: [ColumnKey: [Float]] = [Fixtures.accuracyKey: [1, 1, 1]]
        for seed in 0..<6 {
            var key = Fixtures.accuracyKey
            key.seed = seed
            columns[key] = seed == 2 ? [.nan, .nan, .nan] : cells.indices.map { Float(10 * $0 + seed) }
        }
        let table = try BenchmarkTable(
            space: .nb201, archs: cells.map(space.describe), encodings: cells.flatMap { $0.ops.map { UInt8($0.index) } },
            encodingWidth: 6, benchmarkIndex: cells.map { Int64($0.rank) }, columns: columns,
            metadata: TableMetadata(source: "test", provenance: "{}"))
        var oracle = TabularOracle(table: table)
        var sampled = accuracy
        sampled.seed = .sampled
        let resolved = try oracle.resolve(sampled)
        var rng = SplitMix64(seed: 5)
        var counts: [Float: Int] = [:]
        for _ in 0..<5_000 { counts[oracle.value(row: 1, resolved, using: &rng), default: 0] += 1 }
        XCTAssertEqual(Set(counts.keys), [10, 11, 13, 14, 15])
        // Binomial(5000, 1/5): 5 standard deviations is about 141.
        for (value, count) in counts { XCTAssertLessThan(abs(count - 1_000), 141, "seed value \(value)") }
    }

    func testOptimumTiesAndRegret() throws {
        let table = try Fixtures.nb201Table()
        let optimum = try table.optimum(Fixtures.accuracyKey)
        let values = try table.column(Fixtures.accuracyKey)
        XCTAssertEqual(optimum.value, values.max())
        XCTAssertEqual(optimum.rows, values.indices.filter { values[$0] == values.max() })
        XCTAssertEqual(try table.regret(optimum.value, in: Fixtures.accuracyKey), 0)
        XCTAssertEqual(try table.regret(optimum.value - 2, in: Fixtures.accuracyKey), 2)
        let fastest = try table.optimum(Fixtures.timeKey)
        XCTAssertEqual(fastest.value, 1000)
        XCTAssertEqual(try table.regret(1010, in: Fixtures.timeKey), 10)
        let resolved = try TabularOracle(table: table).resolve(
            NASOracle.Query(dataset: .cifar10Valid, split: .valid, metric: .accuracy, epochs: 200))
        XCTAssertEqual(resolved.optimum, optimum)
        XCTAssertEqual(resolved.regret(optimum.value - 1.5), 1.5)
    }
}
