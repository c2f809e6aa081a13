import ArgumentParser
import Foundation
import NASExperiments

/// `nasbench metad2a combine-db`: several databases as one (e.g. protocol B's pool).
struct MetaD2ACombineDB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "combine-db",
        abstract: "Join MetaD2A databases (same task shape) into one metad2a-db.h5: tasks part after part, provenance of each.")

    @Argument(help: "The databases (metad2a-db.h5 files), in order.")
    var databases: [String]

    @Option(help: "The combined database file to write.")
    var out: String

    func validate() throws {
        if databases.count < 2 { throw ValidationError("combine-db needs at least two databases, got \(databases.count)") }
    }

    func run() throws {
        let parts = try databases.map { (name: $0, database: try MetaTrainingDatabase.read($0)) }
        let combined = try MetaTrainingDatabase.combined(parts)
        try combined.write(to: out)
        print("\(combined.labels.count) labels of \(combined.tasks.count) tasks in \(out)")
    }
}
