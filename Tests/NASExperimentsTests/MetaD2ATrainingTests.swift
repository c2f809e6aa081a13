import Foundation
import NASCore
import NASExperiments
import NASHDF5
import NASMetaD2A
import NASSpaces
import XCTest

/// `train-predictor`, `train-generator` and `generate` on a tiny synthetic database and random
/// features: resume to the same bytes, the held-out split, generation's summary against its CSV,
/// and bad input in one line.
final class MetaD2ATrainingTests: XCTestCase {
    static func predictorSpec(epochs: Int = 3) -> PredictorTrainSpec {
        var spec = PredictorTrainSpec()
        spec.epochs = epochs
        spec.batchSize = 4
        spec.numSample = 3
        spec.hiddenSize = 16
        spec.embeddingSize = 8
        spec.heldOutTasks = 0.25
        spec.heldOutPairs = 0.2
        spec.seed = 2
        return spec
    }

    static func generatorSpec() -> GeneratorTrainSpec {
        var spec = GeneratorTrainSpec()
        spec.epochs = 2
        spec.batchSize = 4
        spec.numSample = 3
        spec.hiddenSize = 12
        spec.latentSize = 8
        spec.pairsPerTask = 2
        spec.heldOutTasks = 0.25
        spec.seed = 3
        return spec
    }

    struct Killed: Error {}

    func testPredictorResumesToTheSameBytesWithADisjointSplit() throws {
        let fixture = try MetaD2AFixture(name: "predictor")
        defer { fixture.remove() }
        let features = try MetaFeatureSets.read([fixture.features])
        let clean = fixture.folder + "/clean", cut = fixture.folder + "/cut"
        let outcome = try PredictorTrainRun.run(Self.predictorSpec(), database: fixture.database, features: features, out: clean, resume: false, progress: false)
        XCTAssertThrowsError(try PredictorTrainRun.run(Self.predictorSpec(), database: fixture.database, features: features, out: cut, resume: false,
                                                       progress: false) { if $0 == 1 { throw Killed() } })
        XCTAssertThrowsError(try PredictorTrainRun.run(Self.predictorSpec(), database: fixture.database, features: features, out: cut, resume: false,
                                                       progress: false)) { XCTAssertTrue("\($0)".contains("--resume"), "\($0)") }
        XCTAssertEqual(try PredictorTrainRun.run(Self.predictorSpec(), database: fixture.database, features: features, out: cut, resume: true,
                                                 progress: false), outcome)
        XCTAssertEqual(try MetaD2AFixture.differingFiles(clean, cut), [])
        let rows = try String(contentsOfFile: clean + "/epochs.csv", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows[0].split(separator: ",").count, 13)
        XCTAssertEqual(outcome.trainingPairs, 12)  // 20 pairs: 1 task (5) held out, 3 of the other 15 held out

        let split = try MetaPairSplit(labelTasks: (0..<20).map { $0 / 5 }, taskCount: 4, taskFraction: 0.25, pairFraction: 0.2, seed: 2)
        XCTAssertEqual(split.heldOutTasks.count, 1)
        XCTAssertEqual(split.taskPairs.count, 5)
        XCTAssertTrue(split.taskPairs.allSatisfy { split.heldOutTasks.contains($0 / 5) })
        XCTAssertEqual(Set(split.training + split.heldOutPairs + split.taskPairs).count, 20, "the three parts are disjoint and cover every pair")
        XCTAssertTrue(split.heldOutPairs.allSatisfy { !split.heldOutTasks.contains($0 / 5) })
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: clean + "/config.json"))) as? [String: Any]
        let recorded = config?["split"] as? [String: Any]
        XCTAssertEqual(recorded?["held_out_tasks"] as? [Int], split.heldOutTasks)
        XCTAssertEqual(recorded?["held_out_pairs"] as? [Int], split.heldOutPairs)
        let (model, _) = try MetaPredictorModel.load(clean)
        XCTAssertEqual(model.numSample, 3)
        XCTAssertEqual((config?["spec"] as? [String: Any])?["plateau_on"] as? String, "train")
        var onValid = Self.predictorSpec(epochs: 1)
        onValid.plateauOn = .valid
        try PredictorTrainRun.run(onValid, database: fixture.database, features: features, out: fixture.folder + "/valid", resume: false, progress: false)
        XCTAssertTrue(try String(contentsOfFile: fixture.folder + "/valid/config.json", encoding: .utf8).contains("\"plateau_on\" : \"valid\""))
    }

    func testGeneratorResumesAndGenerationAgreesWithItsCSV() throws {
        let fixture = try MetaD2AFixture(name: "generator")
        defer { fixture.remove() }
        let features = try MetaFeatureSets.read([fixture.features])
        let predictor = fixture.folder + "/predictor"
        try PredictorTrainRun.run(Self.predictorSpec(epochs: 1), database: fixture.database, features: features, out: predictor, resume: false, progress: false)
        let clean = fixture.folder + "/clean", cut = fixture.folder + "/cut"
        let outcome = try GeneratorTrainRun.run(Self.generatorSpec(), database: fixture.database, features: features, predictor: predictor,
                                                out: clean, resume: false, progress: false)
        XCTAssertEqual(outcome.trainingPairs + outcome.validationPairs, 8)
        XCTAssertEqual(outcome.validationPairs, 2)
        XCTAssertThrowsError(try GeneratorTrainRun.run(Self.generatorSpec(), database: fixture.database, features: features, predictor: predictor,
                                                       out: cut, resume: false, progress: false) { if $0 == 0 { throw Killed() } })
        XCTAssertEqual(try GeneratorTrainRun.run(Self.generatorSpec(), database: fixture.database, features: features, predictor: predictor + "/predictor.h5",
                                                 out: cut, resume: true, progress: false), outcome)
        XCTAssertEqual(try MetaD2AFixture.differingFiles(clean, cut), [])

        let tablePath = fixture.folder + "/table.h5"
        try MetaD2AFixture.table(at: tablePath)
        var spec = GenerationSpec()
        spec.count = 12
        spec.top = 5
        spec.setDraws = 2
        let out = fixture.folder + "/generated"
        let summary = try GenerationRun.run(spec, generator: clean, predictor: predictor, features: fixture.features,
                                            scoring: try GenerationRun.scoring(table: tablePath, dataset: "cifar10"), out: out)
        let rows = try String(contentsOfFile: out + "/ranked.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows[0], ["rank", "arch", "predicted_accuracy", "predicted_std", "novel", "test_accuracy"])
        let body = rows.dropFirst()
        XCTAssertEqual(body.count, 12)
        XCTAssertTrue(summary.complete)
        XCTAssertEqual(Set(body.map { $0[1] }).count, 12)
        XCTAssertTrue(body.allSatisfy { (try? NB201Space().parse($0[1])) != nil })
        let predicted = body.compactMap { Double($0[2]) }
        XCTAssertEqual(predicted, predicted.sorted(by: >))
        let accuracy = body.compactMap { Double($0[5]) }
        XCTAssertEqual(summary.topMaxAccuracy, accuracy.prefix(5).max())
        XCTAssertEqual(summary.top1Accuracy, accuracy.first)
        XCTAssertEqual(summary.top10MeanAccuracy ?? 0, accuracy.prefix(5).reduce(0, +) / 5, accuracy: 1e-12)
        XCTAssertEqual(summary.unique, 12)
        XCTAssertEqual(summary.novel, body.filter { $0[4] == "1" }.count)
        XCTAssertEqual(summary.validity, Double(summary.valid) / Double(summary.decoded))
        XCTAssertEqual(summary.uniqueness, 12 / Double(summary.valid))
        XCTAssertEqual(summary.tableColumn, "cifar10.test.accuracy.e200")
        let again = try GenerationRun.run(spec, generator: clean, predictor: predictor, features: fixture.features,
                                          scoring: try GenerationRun.scoring(table: tablePath, dataset: "cifar10"), out: out + "2")
        XCTAssertEqual(again, summary)
        XCTAssertEqual(try MetaD2AFixture.differingFiles(out, out + "2"), [])

        // Baselines: the generator alone (the same cells, in the order generated) and the predictor
        // ranking uniform random cells (all valid and unique).
        func arches(_ folder: String) throws -> [String] {
            try String(contentsOfFile: folder + "/ranked.csv", encoding: .utf8).split(separator: "\n").dropFirst()
                .map { String($0.split(separator: ",")[1]) }
        }
        var alone = spec
        alone.ranking = .none
        let aloneSummary = try GenerationRun.run(alone, generator: clean, predictor: predictor, features: fixture.features, scoring: nil,
                                                 out: out + "-alone")
        XCTAssertEqual(Set(try arches(out + "-alone")), Set(body.map { $0[1] }))
        XCTAssertEqual(aloneSummary.decoded, summary.decoded)
        var random = spec
        random.cells = .random
        let randomSummary = try GenerationRun.run(random, generator: clean, predictor: predictor, features: fixture.features, scoring: nil,
                                                  out: out + "-random")
        XCTAssertEqual(randomSummary.unique, 12)
        XCTAssertEqual(randomSummary.validity, 1)
        let randomRows = try String(contentsOfFile: out + "-random/ranked.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let randomPredicted = randomRows.compactMap { Double($0.split(separator: ",")[2]) }
        XCTAssertEqual(randomPredicted, randomPredicted.sorted(by: >))
        XCTAssertEqual(Set(try arches(out + "-random")).count, 12)

        // The dataset-blind control: the same cells and scores whatever the dataset's features.
        var blindSpec = spec
        blindSpec.datasetBlind = true
        XCTAssertThrowsError(try GenerationRun.run(blindSpec, generator: clean, predictor: predictor, features: fixture.features,
                                                   scoring: nil, out: out + "-no-tasks"))
        let other = fixture.folder + "/other-features.h5"
        try MetaD2AFixture.featureFile(fixture.member, digest: fixture.member.digest, drop: 1).write(to: other)
        let tasks = GenerationRun.TrainingTasks(database: fixture.database, features: [fixture.features])
        for (name, dataset) in [("-blind-a", fixture.features), ("-blind-b", other)] {
            try GenerationRun.run(blindSpec, generator: clean, predictor: predictor, features: dataset, scoring: nil, training: tasks,
                                  out: out + name)
        }
        XCTAssertEqual(try String(contentsOfFile: out + "-blind-a/ranked.csv", encoding: .utf8),
                       try String(contentsOfFile: out + "-blind-b/ranked.csv", encoding: .utf8))
        XCTAssertEqual(try arches(out + "-blind-a").count, 12)
        // Not blind, the two feature files give other cells or scores (so the equality above is a check).
        try GenerationRun.run(spec, generator: clean, predictor: predictor, features: other, scoring: nil, out: out + "-seeing-b")
        try GenerationRun.run(spec, generator: clean, predictor: predictor, features: fixture.features, scoring: nil, out: out + "-seeing-a")
        XCTAssertNotEqual(try String(contentsOfFile: out + "-seeing-a/ranked.csv", encoding: .utf8),
                          try String(contentsOfFile: out + "-seeing-b/ranked.csv", encoding: .utf8))
    }

    func testBadInputIsOneLine() throws {
        let fixture = try MetaD2AFixture(tasks: 3, cells: 4, name: "bad")
        defer { fixture.remove() }
        let spec = Self.predictorSpec(epochs: 1)
        func error(database: String? = nil, features: [String]? = nil, file: StaticString = #filePath, line: UInt = #line) -> String {
            do {
                let read = try MetaFeatureSets.read(features ?? [fixture.features])
                try PredictorTrainRun.run(spec, database: database ?? fixture.database, features: read, out: fixture.folder + "/out-\(UUID().uuidString)",
                                          resume: false, progress: false)
                XCTFail("no error", file: file, line: line)
                return ""
            } catch {
                let text = "\(error)"
                XCTAssertFalse(text.contains("\n"), text, file: file, line: line)
                return text
            }
        }
        XCTAssertTrue(error(database: fixture.folder + "/none.h5").contains("no such database file"))
        XCTAssertTrue(error(features: [fixture.folder + "/none.h5"]).contains("no such features file"))
        XCTAssertTrue(error(database: fixture.features).contains("not a MetaD2A database"))
        let path = fixture.folder + "/other.h5"
        try MetaD2AFixture.featureFile(fixture.member, digest: String(repeating: "0", count: 64)).write(to: path)
        XCTAssertTrue(error(features: [path]).contains("are not the database's"), error(features: [path]))
        try MetaD2AFixture.featureFile(fixture.member, digest: fixture.member.digest, drop: 35).write(to: path)
        XCTAssertTrue(error(features: [path]).contains("has no features for digits image"))
        var nan = MetaD2AFixture.featureFile(fixture.member, digest: fixture.member.digest)
        nan.features[17] = .nan
        try nan.write(to: path)
        XCTAssertTrue(error(features: [path]).contains("is nan (not a finite number)"), error(features: [path]))
        XCTAssertTrue(error(features: [fixture.features, fixture.features]).contains("two --features files hold digits"))
        let nanLabel = try MetaD2AFixture(tasks: 3, cells: 4, name: "nan", nanAccuracy: true)
        defer { nanLabel.remove() }
        XCTAssertTrue(error(database: nanLabel.database).contains("label 0 has accuracy nan"), error(database: nanLabel.database))
    }
}
