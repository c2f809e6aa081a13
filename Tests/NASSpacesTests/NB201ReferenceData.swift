import Foundation
import XCTest

/// The columns of `nb201_full.csv` the tests use.
struct NB201ReferenceRow: Sendable {
    /// Official NB201 index (0..<15,625).
    let index: Int
    /// Official cell string.
    let archString: String
    /// The benchmark's isomorphism key.
    let isoKey: String
}

/// Loads `$NASBENCH_DATA/nb201/nb201_full.csv` once per test process.
///
/// Unset variable -> the calling test is skipped; variable set but file missing or not in
/// the expected shape -> the calling test fails with a message saying what is wrong.
enum NB201ReferenceData {
    static let environmentVariable = "NASBENCH_DATA"
    static let relativePath = "nb201/nb201_full.csv"
    static let expectedRowCount = 15_625

    /// Why the reference table could not be used.
    enum LoadFailure: Error, CustomStringConvertible, LocalizedError {
        case notConfigured
        case unreadable(path: String, reason: String)
        case malformed(path: String, reason: String)

        var description: String {
            switch self {
            case .notConfigured:
                return "\(NB201ReferenceData.environmentVariable) not set"
            case let .unreadable(path, reason):
                return "\(NB201ReferenceData.environmentVariable) is set but \(path) cannot be read: \(reason)"
            case let .malformed(path, reason):
                return "\(path) is not the expected NB201 table: \(reason)"
            }
        }

        var errorDescription: String? { description }
    }

    /// A problem with the file's content.
    struct FormatProblem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static let cached: Result<[NB201ReferenceRow], LoadFailure> = load()

    /// The 15,625 rows in file order, or a skip / failure as documented above.
    static func rows() throws -> [NB201ReferenceRow] {
        switch cached {
        case let .success(rows):
            return rows
        case .failure(.notConfigured):
            throw XCTSkip(
                "\(environmentVariable) not set: point it at the shared data folder containing "
                    + "\(relativePath), e.g. `\(environmentVariable)=/work/shared/data swift test`")
        case let .failure(failure):
            throw failure
        }
    }

    private static func load() -> Result<[NB201ReferenceRow], LoadFailure> {
        guard let folder = ProcessInfo.processInfo.environment[environmentVariable], !folder.isEmpty else {
            return .failure(.notConfigured)
        }
        let path = URL(fileURLWithPath: folder).appendingPathComponent(relativePath).path
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return .failure(.unreadable(path: path, reason: "\(error)"))
        }
        do {
            return .success(try parse([UInt8](data)))
        } catch {
            return .failure(.malformed(path: path, reason: error.reason))
        }
    }

    /// Splits the file on newlines and commas. Valid because the file contains no quote
    /// characters at all (checked), and every line has exactly as many fields as the
    /// header (checked), so no field can contain a comma or a line break.
    private static func parse(_ bytes: [UInt8]) throws(FormatProblem) -> [NB201ReferenceRow] {
        if bytes.contains(UInt8(ascii: "\"")) {
            throw FormatProblem("the file contains '\"' quotes; the simple comma split used here would be wrong")
        }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true {
            lines.removeLast()
        }
        let records = lines.map { line -> [Substring] in
            let trimmed = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            return String(decoding: trimmed, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
        }
        guard let header = records.first else { throw FormatProblem("the file is empty") }
        guard let indexColumn = header.firstIndex(of: "index"),
            let archColumn = header.firstIndex(of: "arch_str"),
            let keyColumn = header.firstIndex(of: "iso_key")
        else {
            throw FormatProblem("header lacks one of the columns index, arch_str, iso_key: \(header.joined(separator: ","))")
        }
        var rows: [NB201ReferenceRow] = []
        rows.reserveCapacity(records.count - 1)
        for (lineNumber, record) in records.enumerated().dropFirst() {
            guard record.count == header.count else {
                throw FormatProblem("line \(lineNumber + 1) has \(record.count) fields, header has \(header.count)")
            }
            guard let index = Int(record[indexColumn]) else {
                throw FormatProblem("line \(lineNumber + 1): index '\(record[indexColumn])' is not an integer")
            }
            let arch = String(record[archColumn])
            let key = String(record[keyColumn])
            guard arch.hasPrefix("|"), arch.hasSuffix("|"), !key.isEmpty else {
                throw FormatProblem("line \(lineNumber + 1): unexpected arch_str '\(arch)' or empty iso_key")
            }
            rows.append(NB201ReferenceRow(index: index, archString: arch, isoKey: key))
        }
        guard rows.count == expectedRowCount else {
            throw FormatProblem("expected \(expectedRowCount) data rows, found \(rows.count)")
        }
        guard rows.map(\.index) == Array(0..<expectedRowCount) else {
            throw FormatProblem("rows are not in official index order 0..<\(expectedRowCount)")
        }
        return rows
    }
}

