/// A CSV file's columns, declared once: each column's name beside the way a row renders its
/// value, so that a file's header and its rows cannot drift apart. Values are written by
/// ``CSVLine`` (quoted where a field needs it).
public struct CSVColumns<Row>: Sendable {
    /// One column: its header name and its value for a row.
    public struct Column: Sendable {
        public let name: String
        public let value: @Sendable (Row) -> String

        public init(_ name: String, _ value: @escaping @Sendable (Row) -> String) {
            self.name = name
            self.value = value
        }
    }

    public let columns: [Column]

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    /// The header's names, in column order.
    public var header: [String] { columns.map(\.name) }

    /// One row as a CSV line (no line break).
    public func line(_ row: Row) -> String {
        CSVLine.join(columns.map { $0.value(row) })
    }

    /// These columns for a row that holds this one (`part` picks it out), to compose files.
    public func pulled<Outer>(_ part: @escaping @Sendable (Outer) -> Row) -> [CSVColumns<Outer>.Column] {
        columns.map { column in CSVColumns<Outer>.Column(column.name) { column.value(part($0)) } }
    }

    /// A whole file: the header line, then one line a row, each ending in a line break.
    public func text(_ rows: some Sequence<Row>) -> String {
        ([CSVLine.join(header)] + rows.map(line)).map { $0 + "\n" }.joined()
    }
}

extension CSVColumns.Column {
    /// A column of numbers in ``CSVLine/number(_:)-(Double?)``'s form.
    public static func number(_ name: String, _ value: @escaping @Sendable (Row) -> Double?) -> Self {
        Self(name) { CSVLine.number(value($0)) }
    }

    /// A column of float32 numbers in ``CSVLine/number(_:)-(Float?)``'s form (their own shortest text).
    public static func float(_ name: String, _ value: @escaping @Sendable (Row) -> Float?) -> Self {
        Self(name) { CSVLine.number(value($0)) }
    }

    /// A column of integers (empty for nil).
    public static func integer(_ name: String, _ value: @escaping @Sendable (Row) -> Int?) -> Self {
        Self(name) { value($0).map(String.init) ?? "" }
    }
}
