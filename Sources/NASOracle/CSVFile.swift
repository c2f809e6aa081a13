import CSV
import Foundation

/// A CSV file read whole: a header and its rows, every row as wide as the header.
struct CSVFile {
    let path: String
    let header: [String]
    let rows: [[String]]

    /// Reads `path`, failing with the line number of the first malformed row.
    init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw OracleError.badInput("no such file: \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OracleError.badInput("cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw OracleError.badInput("\(path): not UTF-8 text, expected a CSV file")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw OracleError.badInput("\(path): not a readable CSV file (\(error))")
        }
        guard let header = reader.headerRow, !header.isEmpty else {
            throw OracleError.badInput("\(path): empty file, expected a header row")
        }
        var rows: [[String]] = []
        while let row = reader.next() {
            if row.count == 1 && row[0].isEmpty { continue }
            guard row.count == header.count else {
                throw OracleError.badInput(
                    "\(path):\(rows.count + 2): \(row.count) fields, expected \(header.count) as in the header")
            }
            rows.append(row)
        }
        if let error = reader.error {
            throw OracleError.badInput("\(path):\(rows.count + 2): malformed CSV (\(error))")
        }
        self.path = path
        self.header = header
        self.rows = rows
    }

    /// The position of a named column, or an error listing the columns there are.
    func columnIndex(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw OracleError.badInput("\(path): missing column '\(name)' (columns: \(header.joined(separator: ", ")))")
        }
        return index
    }

    /// A column parsed as numbers; empty fields are NaN when `allowMissing`, errors otherwise.
    func floats(_ name: String, allowMissing: Bool) throws -> [Float] {
        let index = try columnIndex(name)
        return try rows.enumerated().map { line, row in
            let field = row[index].trimmingCharacters(in: .whitespaces)
            if field.isEmpty || field.lowercased() == "nan" {
                if allowMissing { return .nan }
                throw OracleError.badInput("\(path):\(line + 2): column '\(name)' has no value (NaN or empty), but one is required")
            }
            guard let value = Float(field), value.isFinite else {
                throw OracleError.badInput("\(path):\(line + 2): column '\(name)' has '\(field)', expected a finite number")
            }
            return value
        }
    }

    /// SHA-256 of the file, for provenance.
    func sha256() throws -> String { try SHA256Digest.hex(ofFile: path) }
}
