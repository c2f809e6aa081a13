/// Schema and sanity checks of a loaded table, as `nasbench verify` reports them.
public struct TableVerifier {
    /// One finding: what was checked and whether it held.
    public struct Finding: Sendable, CustomStringConvertible {
        public enum Severity: String, Sendable { case ok, warning, error }
        public let severity: Severity
        public let message: String
        public var description: String { "\(severity.rawValue): \(message)" }
    }

    public init() {}

    /// Checks a table; `storedArchs`, when given, are the strings the file holds beside the encodings.
    public func verify(_ table: BenchmarkTable, storedArchs: [String]? = nil) -> [Finding] {
        var findings: [Finding] = []
        func add(_ severity: Finding.Severity, _ message: String) { findings.append(Finding(severity: severity, message: message)) }

        if let storedArchs {
            let mismatches = zip(storedArchs, table.archs).enumerated().filter { $0.element.0 != $0.element.1 }
            if storedArchs.count != table.rowCount {
                add(.error, "/cells/arch has \(storedArchs.count) strings for \(table.rowCount) rows")
            } else if let first = mismatches.first {
                add(.error, "\(mismatches.count) stored cell strings differ from their encodings, first row \(first.offset): '\(first.element.0)' vs '\(first.element.1)'")
            } else {
                add(.ok, "stored cell strings agree with the encodings")
            }
        }

        let codec = table.space.codec
        var bad = 0
        var first = ""
        for row in 0..<table.rowCount {
            let fresh = try? codec.encode(table.archs[row])
            if fresh?.canonical != table.archs[row] || fresh.map({ ArraySlice($0.encoding) }) != table.encoding(ofRow: row) {
                if bad == 0 { first = "row \(row) (\(table.archs[row]))" }
                bad += 1
            }
        }
        if bad == 0 {
            add(.ok, "\(table.rowCount) cells parse as \(table.space.rawValue) and match their stored encodings")
        } else {
            add(.error, "\(bad) cells do not parse or do not match their encoding, first \(first)")
        }
        if let size = codec.spaceSize {
            add(.ok, table.rowCount == size ? "the table covers the whole space (\(size) cells)" : "the table covers \(table.rowCount) of \(size) cells")
        }
        if Set(table.benchmarkIndex).count != table.rowCount {
            add(.error, "the benchmark index repeats a value")
        }
        for (key, values) in zip(table.keys, table.columns) {
            let present = values.filter { !$0.isNaN }
            let missing = values.count - present.count
            if present.isEmpty {
                add(.error, "\(key.name): no values")
                continue
            }
            if missing > 0 && key.seed == nil && key.device == nil {
                add(.warning, "\(key.name): \(missing) missing values in a seed-mean column")
            }
            let outOfRange = key.metric.isPercentage
                ? present.filter { !(0...100).contains($0) }.count
                : present.filter { !($0 > 0) && key.metric != .loss }.count
            if outOfRange > 0 { add(.error, "\(key.name): \(outOfRange) values out of range for \(key.metric.rawValue)") }
        }
        for key in table.keys where key.seed == nil {
            let seeds = table.seedColumns(of: key)
            guard !seeds.isEmpty, let means = try? table.column(key) else { continue }
            let seedValues = seeds.compactMap { try? table.column($0) }
            var worst: Float = 0
            for row in 0..<table.rowCount {
                let runs = seedValues.map { $0[row] }.filter { !$0.isNaN }
                guard !runs.isEmpty else { continue }
                worst = max(worst, abs(runs.reduce(0, +) / Float(runs.count) - means[row]))
            }
            add(worst <= 1e-3 ? .ok : .error, "\(key.name): mean of \(seeds.count) seed columns agrees within \(worst)")
        }
        add(.ok, "\(table.keys.count) columns, \(table.rowCount) rows")
        return findings
    }
}
