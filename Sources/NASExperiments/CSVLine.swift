/// Writes CSV lines (RFC 4180 quoting where a field needs it) with numbers in a form that
/// reads back to the same value and prints the same way on every run.
public enum CSVLine {
    /// Joins fields, quoting any that holds a comma, quote or line break.
    public static func join(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",")
    }

    public static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A Double as its shortest round-tripping text (`nan` for NaN, empty for nil).
    public static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value.isNaN ? "nan" : "\(value)"
    }

    /// A Float as its shortest round-tripping text (`nan` for NaN, empty for nil).
    public static func number(_ value: Float?) -> String {
        guard let value else { return "" }
        return value.isNaN ? "nan" : "\(value)"
    }
}
