import Foundation
import NASExperiments
import XCTest

/// `combine-db`: two databases joined read back as their tasks and labels, part after part, with the
/// second part's tasks renumbered; a shape or an image set's SHA-256 that differs is refused.
final class MetaTrainingDatabaseCombineTests: XCTestCase {
    func testTwoDatabasesJoinPartAfterPart() throws {
        let a = try MetaD2AFixture(tasks: 3, cells: 4, name: "combine-a"), b = try MetaD2AFixture(tasks: 2, cells: 5, name: "combine-b")
        defer { a.remove(); b.remove() }
        let first = try MetaTrainingDatabase.read(a.database), second = try MetaTrainingDatabase.read(b.database)
        XCTAssertEqual(first.tasks[0].validImages.count, 3, "validation images are read too")
        let combined = try MetaTrainingDatabase.combined([("a", first), ("b", second)])
        let path = a.folder + "/new/folder/combined.h5"
        try combined.write(to: path)  // creates its folder
        let back = try MetaTrainingDatabase.read(path)
        XCTAssertEqual(back.tasks.count, 5)
        XCTAssertEqual(back.labels.count, 3 * 4 + 2 * 5)
        XCTAssertEqual(back.shape, first.shape)
        XCTAssertEqual(Array(back.tasks[0..<3]), first.tasks)
        for (t, task) in back.tasks[3...].enumerated() {
            XCTAssertEqual(task.index, t + 3)
            XCTAssertEqual([task.classes, task.trainImages.flatMap { $0 }, task.validImages.flatMap { $0 }],
                           [second.tasks[t].classes, second.tasks[t].trainImages.flatMap { $0 }, second.tasks[t].validImages.flatMap { $0 }])
        }
        XCTAssertEqual(Array(back.labels[0..<12]), first.labels)
        XCTAssertEqual(back.labels[12...].map(\.task), second.labels.map { $0.task + 3 })
        XCTAssertEqual(back.labels[12...].map(\.accuracy), second.labels.map(\.accuracy))
        XCTAssertEqual(back.sourceDigests, first.sourceDigests, "the union of the parts' image sets")
        XCTAssertTrue(back.provenance.contains("\"metad2a-db-combined\""), back.provenance)

        let shaped = MetaTrainingDatabase(tasks: second.tasks, labels: second.labels, sourceDigests: second.sourceDigests,
                                          shape: MetaTaskShape(ways: 3, trainPerClass: 8, validPerClass: 3), provenance: second.provenance)
        XCTAssertThrowsError(try MetaTrainingDatabase.combined([("a", first), ("c", shaped)])) { error in
            XCTAssertTrue("\(error)".contains("not 3 x 8 + 2 as a"), "\(error)")
        }
        let other = MetaTrainingDatabase(tasks: second.tasks, labels: second.labels, sourceDigests: ["digits": "0000"],
                                         shape: second.shape, provenance: second.provenance)
        XCTAssertThrowsError(try MetaTrainingDatabase.combined([("a", first), ("d", other)])) { error in
            XCTAssertTrue("\(error)".contains("image set digits has SHA-256 0000"), "\(error)")
        }
        XCTAssertThrowsError(try MetaTrainingDatabase.combined([("a", first)]))
        // A file where the folder should be: one line, without the trial runs' resume advice.
        XCTAssertThrowsError(try combined.write(to: a.database + "/combined.h5")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("cannot write \(a.database)/combined.h5: "), text)
            XCTAssertFalse(text.contains("trials") || text.contains("\n"), text)
        }
    }
}
