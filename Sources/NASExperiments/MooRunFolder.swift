import Foundation
import NASSpaces

/// The folder of a `nasbench moo --out` run while it runs: held by the run lock, marked with the
/// spec that writes it (`spec.json`), and, for `--accuracy rwe`, a journal of every cell's RWE score
/// (`rwe-cells.csv`, one row appended and fsync'd per evaluated cell).
///
/// NSGA-II itself takes milliseconds; the RWE evaluations are the run's cost. A killed run resumed
/// with `--resume` reads the journal back, so the search replays from its seed to the same point
/// without evaluating those cells again, and ends with the same bytes as an uninterrupted run
/// (a cell's score depends only on the seed and the cell, not on when it is asked for).
public final class MooRunFolder {
    public static let journalName = "rwe-cells.csv"
    static let header = "rank,arch,rwe_accuracy\n"
    public let path: String
    /// Scores read back on `--resume`.
    public private(set) var journaled: [NB201Cell: Double] = [:]
    private let journalPath: String
    private let lock: RunLock

    public init(path: String, spec: MooSpec, resume: Bool) throws {
        self.path = path
        let manager = FileManager.default
        try ExperimentError.writing(path) { try manager.createDirectory(atPath: path, withIntermediateDirectories: true) }
        lock = try RunLock(folder: path)
        let specPath = (path as NSString).appendingPathComponent("spec.json")
        journalPath = (path as NSString).appendingPathComponent(Self.journalName)
        let specText = try spec.hinted.json()
        let started = [specPath, journalPath, (path as NSString).appendingPathComponent("config.json")]
            .contains { manager.fileExists(atPath: $0) }
        if started {
            guard resume else {
                throw ExperimentError.badInput("\(path) already holds results: add --resume to continue that run, or choose another --out")
            }
            let stored = (try? String(contentsOfFile: specPath, encoding: .utf8)) ?? ""
            guard stored == specText else {
                throw ExperimentError.configMismatch(path: specPath, field: ResultsStore.firstDifference(stored, specText))
            }
        } else {
            try ResultsStore.writeAtomically(specText, to: specPath)
        }
        if spec.accuracy == "rwe" { try readJournal() }
    }

    /// Reads the journal (cutting a row a kill left half-written), or creates it.
    private func readJournal() throws {
        let data = try ResultsStore.openAppendable(journalPath, headerLine: Self.header)
        let space = NB201Space()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst()
        for (number, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3, let rank = Int(fields[0]), let cell = NB201Cell(rank: rank),
                  (try? space.parse(String(fields[1]))) == cell, let value = Double(fields[2]), value.isFinite else {
                throw ExperimentError.corruptResults(path: journalPath, why: "row \(number + 2) is not rank,arch,rwe_accuracy of one cell")
            }
            journaled[cell] = value
        }
    }

    /// Appends one evaluated cell (shortest round-trip decimal of the score) and syncs it.
    func record(_ cell: NB201Cell, _ accuracy: Double) throws {
        try ResultsStore.appendSynced("\(cell.rank),\(cell.description),\(accuracy)\n", to: journalPath)
    }
}
