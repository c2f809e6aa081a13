import Foundation
import NASExperiments
import NASSpaces
import TestSupport
import XCTest

final class TrialRunnerTests: XCTestCase {
    let files = { (folder: String) in
        RunFiles(folder: folder, detailName: "steps.csv", summaryName: "trials.csv", detailHeader: ["step", "value"], summaryHeader: ["seed", "total"])
    }

    /// A trial whose rows depend only on its seed, with a random delay so that workers finish out of order.
    static func trial(_ index: Int) -> TrialOutput {
        let seed = TrialSeed.derive(base: 7, trial: index)
        var rng = SplitMix64(seed: seed)
        Thread.sleep(forTimeInterval: Double(rng.next() % 5) / 1000)
        let values = (0..<(3 + index % 4)).map { _ in rng.next() % 1000 }
        return TrialOutput(
            rows: values.enumerated().map { "\($0.offset),\($0.element)" }, summary: "\(seed),\(values.reduce(0, +))")
    }

    func run(_ folder: String, jobs: Int, shard: Shard = .all, resume: Bool = false, trials: Int = 12,
             config: [String: Any] = ["experiment": "test", "seed": 7],
             body: @escaping @Sendable (Int) throws -> TrialOutput = { trial($0) }) throws {
        try TrialRunner(files: files(folder), config: config, trials: trials, shard: shard, jobs: jobs, resume: resume).run(body)
    }

    func contents(_ folder: String) throws -> [String] { try fileContents(folder, ["steps.csv", "trials.csv", "config.json"]) }

    func testTrialOrderAndBytesDoNotDependOnWorkers() throws {
        let tmp = try TemporaryFolder()
        try run(tmp.file("one"), jobs: 1)
        try run(tmp.file("two"), jobs: 2)
        XCTAssertEqual(try contents(tmp.file("one")), try contents(tmp.file("two")))
        let summary = try contents(tmp.file("two"))[1].split(separator: "\n")
        XCTAssertEqual(summary.first, "trial,seed,total")
        XCTAssertEqual(summary.dropFirst().map { Int($0.prefix { $0 != "," }) }, (0..<12).map { $0 })
    }

    func testResumeAfterACrashGivesTheSameFiles() throws {
        let tmp = try TemporaryFolder()
        try run(tmp.file("clean"), jobs: 2)
        let crashing = tmp.file("crash")
        XCTAssertThrowsError(try run(crashing, jobs: 2) { index in
            if index == 7 { throw ExperimentError.badInput("simulated crash") }
            return Self.trial(index)
        })
        // A kill can also leave half-written lines behind: add some.
        for name in ["steps.csv", "trials.csv"] {
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: (crashing as NSString).appendingPathComponent(name)))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("11,3,99".utf8))
            try handle.close()
        }
        let partial = try contents(crashing)[1].split(separator: "\n").count
        XCTAssertLessThan(partial, 13)
        XCTAssertThrowsError(try run(crashing, jobs: 2)) { error in
            XCTAssertTrue("\(error)".contains("add --resume"), "\(error)")
        }
        XCTAssertThrowsError(try run(crashing, jobs: 2, resume: true, config: ["experiment": "test", "seed": 8])) { error in
            XCTAssertTrue("\(error)".contains("different configuration"), "\(error)")
        }
        try run(crashing, jobs: 2, resume: true)
        XCTAssertEqual(try contents(crashing), try contents(tmp.file("clean")))
        try run(crashing, jobs: 2, resume: true)  // nothing left to do
        XCTAssertEqual(try contents(crashing), try contents(tmp.file("clean")))
    }

    /// A run recorded before config.json held its spec resumes under a config that adds only the
    /// spec (and its config.json gains it); any other difference is still refused.
    func testRunWithoutSpecResumesWhenOnlyTheSpecIsNew() throws {
        let tmp = try TemporaryFolder()
        let old: [String: Any] = ["experiment": "test", "seed": 7]
        var new = old
        new["spec"] = ["seed": 7]
        try run(tmp.file("whole"), jobs: 2, config: new)
        let folder = tmp.file("old")
        XCTAssertThrowsError(try run(folder, jobs: 1, trials: 12, config: old) { index in
            if index == 5 { throw ExperimentError.badInput("simulated stop") }
            return Self.trial(index)
        })
        var changed = new
        changed["seed"] = 8
        XCTAssertThrowsError(try run(folder, jobs: 2, resume: true, config: changed))
        try run(folder, jobs: 2, resume: true, config: new)
        XCTAssertEqual(try contents(folder), try contents(tmp.file("whole")))
    }

    func testShardsMergeToTheUnshardedFiles() throws {
        let tmp = try TemporaryFolder()
        try run(tmp.file("whole"), jobs: 2)
        let sharded = tmp.file("sharded")
        for i in 0..<3 { try run(sharded, jobs: 1, shard: try Shard(parsing: "\(i)/3")) }
        try ResultsMerger(files: files(sharded)).merge()
        XCTAssertEqual(try contents(sharded), try contents(tmp.file("whole")))

        let incomplete = tmp.file("incomplete")
        try run(incomplete, jobs: 1, shard: try Shard(parsing: "0/2"))
        XCTAssertThrowsError(try ResultsMerger(files: files(incomplete)).merge()) { error in
            XCTAssertTrue("\(error)".contains("missing: shard-1-of-2"), "\(error)")
        }
    }

    func testBadShardsAndSeeds() {
        XCTAssertThrowsError(try Shard(parsing: "3/3"))
        XCTAssertThrowsError(try Shard(parsing: "a/b"))
        XCTAssertEqual(try Shard(parsing: "1/4").trials(of: 10), [1, 5, 9])
        XCTAssertNotEqual(TrialSeed.derive(base: 0, trial: 0), TrialSeed.derive(base: 0, trial: 1))
        XCTAssertNotEqual(TrialSeed.derive(base: 0, trial: 1), TrialSeed.derive(base: 1, trial: 0))
    }
}
