import Foundation

/// The outcome of a regression suite as an aligned text table and as JUnit XML (one test case
/// per statistic; a failing verdict is a `<failure>`). Neither holds timings, so the same
/// seeds give the same bytes.
public struct RegressionReport: Sendable {
    public var suiteName: String
    public var checks: [RegressionCheck]

    public init(suiteName: String, checks: [RegressionCheck]) {
        self.suiteName = suiteName
        self.checks = checks
    }

    /// The statistics that failed.
    public var failures: [RegressionCheck] { checks.filter(\.verdict.fails) }

    /// A number with 4 decimals, `-` when absent.
    static func format(_ value: Double?, sign: Bool = false) -> String {
        guard let value else { return "-" }
        return String(format: sign ? "%+.4f" : "%.4f", value)
    }

    /// One line per statistic: metric, baseline, now, delta, tolerance, verdict; then a one-line total.
    public var text: String {
        let names = ["metric", "better", "baseline", "now", "delta", "tolerance", "verdict"]
        let rows = [names] + checks.map { c in
            [c.id, c.higherIsBetter ? "higher" : "lower", Self.format(c.baseline), Self.format(c.now),
             Self.format(c.delta, sign: true), c.tolerance.map { "±" + Self.format($0) } ?? "-", c.verdict.rawValue]
        }
        let widths = names.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        let body = rows.map { row in
            zip(row, widths).enumerated().map { c, pair in
                c == 0 || c == names.count - 1 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: pair.1 - pair.0.count) + pair.0
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        let failed = failures.count
        let total = "\(suiteName): \(checks.count) statistics, \(failed) failed"
            + (failed == 0 ? "" : " (" + failures.map(\.id).joined(separator: ", ") + ")")
        return body.joined(separator: "\n") + "\n" + total + "\n"
    }

    /// JUnit XML: a `testsuites` root holding one `testsuite` named after the suite.
    public var junitXML: String {
        let n = checks.count, failed = failures.count
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"nasbench regress\" tests=\"\(n)\" failures=\"\(failed)\" errors=\"0\">",
            "  <testsuite name=\"\(Self.escape(suiteName))\" tests=\"\(n)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\">",
        ]
        for c in checks {
            let parts = c.id.split(separator: "/").map(String.init)
            let className = parts.dropLast().joined(separator: ".")
            let detail = "baseline \(Self.format(c.baseline)), now \(Self.format(c.now)), delta \(Self.format(c.delta, sign: true)), "
                + "tolerance \(c.tolerance.map { Self.format($0) } ?? "-") (\(c.higherIsBetter ? "higher" : "lower") is better): \(c.verdict.rawValue)"
            let open = "    <testcase classname=\"\(Self.escape(className))\" name=\"\(Self.escape(parts.last ?? c.id))\""
            if c.verdict.fails {
                lines.append(open + ">")
                lines.append("      <failure message=\"\(Self.escape(detail))\" type=\"regression\"/>")
                lines.append("    </testcase>")
            } else {
                lines.append(open + ">")
                lines.append("      <system-out>\(Self.escape(detail))</system-out>")
                lines.append("    </testcase>")
            }
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes the five XML special characters.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&apos;")
    }
}
