import Foundation

/// The folder of a `nasbench conet search|train --out` run: held by the run lock, marked with the
/// resolved spec (`config.json`), CSV tables that grow one finished unit (a trial, an epoch) at a
/// time with fsync, and a resume point: the state of the last finished unit (`state.json`,
/// written atomically after that unit's rows) with the network's weights (`checkpoint-UNIT.h5`).
///
/// A kill can leave rows of a unit whose state was not written yet; `--resume` cuts every table
/// back to the units the state covers and continues from there, so the resumed run ends with the
/// same bytes as one that was never killed.
final class ConetRunFolder {
    let path: String
    private let lock: RunLock
    private var tables: [String: String] = [:]

    /// Creates the folder, or reopens it under `resume` when its `config.json` equals `config`.
    init(path: String, config: String, resume: Bool) throws {
        self.path = path
        let manager = FileManager.default
        try ExperimentError.writing(path) { try manager.createDirectory(atPath: path, withIntermediateDirectories: true) }
        lock = try RunLock(folder: path)
        let configPath = file("config.json")
        if manager.fileExists(atPath: configPath) {
            guard resume else {
                throw ExperimentError.badInput("\(path) already holds results: add --resume to continue that run, or choose another --out")
            }
            let stored = (try? String(contentsOfFile: configPath, encoding: .utf8)) ?? ""
            guard stored == config else {
                throw ExperimentError.configMismatch(path: configPath, field: ResultsStore.firstDifference(stored, config))
            }
        } else {
            try ResultsStore.writeAtomically(config, to: configPath)
        }
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    /// Opens table `name` with `header`, keeping only rows whose first field (the unit) is at
    /// most `lastUnit` (none when nil).
    func openTable(_ name: String, header: [String], keepingUpTo lastUnit: Int?) throws {
        let tablePath = file(name)
        let headerLine = CSVLine.join(header) + "\n"
        let data = try ResultsStore.openAppendable(tablePath, headerLine: headerLine)
        var kept = headerLine
        var dropped = false
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropFirst() where !line.isEmpty {
            guard let unit = Int(line.prefix { $0 != "," }) else {
                throw ExperimentError.corruptResults(path: tablePath, why: "a row does not start with a trial or epoch number")
            }
            if let lastUnit, unit <= lastUnit { kept += line + "\n" } else { dropped = true }
        }
        if dropped { try ResultsStore.writeAtomically(kept, to: tablePath) }
        tables[name] = tablePath
    }

    /// Appends rows to table `name` and syncs.
    func append(_ name: String, rows: [[String]]) throws {
        guard let tablePath = tables[name], !rows.isEmpty else { return }
        try ResultsStore.appendSynced(rows.map { CSVLine.join($0) + "\n" }.joined(), to: tablePath)
    }

    /// The saved state, if a unit finished.
    func readState<State: Decodable>(_: State.Type) throws -> State? {
        let statePath = file("state.json")
        guard FileManager.default.fileExists(atPath: statePath) else { return nil }
        do {
            return try JSONDecoder().decode(State.self, from: Data(contentsOf: URL(fileURLWithPath: statePath)))
        } catch {
            throw ExperimentError.corruptResults(path: statePath, why: "it is not the state of this kind of run (\(error))")
        }
    }

    /// Writes the state atomically (after the unit's rows and checkpoint).
    func writeState(_ state: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try ResultsStore.writeAtomically(String(decoding: try encoder.encode(state), as: UTF8.self) + "\n", to: file("state.json"))
    }

    /// The weights after `unit` (one file per unit, so a kill between checkpoint and state never
    /// leaves a checkpoint that does not match the state).
    func checkpointPath(_ unit: Int) -> String { file("checkpoint-\(unit).h5") }

    /// Loads `unit`'s checkpoint with `load`; a file that cannot be read is a corrupt-results error
    /// that names it once.
    func loadCheckpoint(_ unit: Int, _ load: (String) throws -> Void) throws {
        let path = checkpointPath(unit)
        do { try load(path) } catch {
            // The state loader's messages name the file once; others get it prefixed.
            let why = "\(error)"
            throw why.contains(path) ? ExperimentError.badInput(why) : ExperimentError.corruptResults(path: path, why: why)
        }
    }

    /// Removes every checkpoint but `unit`'s (once the state names `unit`).
    func dropCheckpoints(except unit: Int) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names where name.hasPrefix("checkpoint-") && name.hasSuffix(".h5") && name != "checkpoint-\(unit).h5" {
            try? FileManager.default.removeItem(atPath: file(name))
        }
    }
}
