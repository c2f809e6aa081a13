extension Encoding {
    /// Short names accepted on the command line besides the raw values.
    public static let aliases: [String: Encoding] = ["adjacency": .adjacencyOneHot]

    /// The encoding named `name`: a raw value (`adjacency_one_hot`, `path`, `graph`) or an
    /// alias (`adjacency`).
    ///
    /// - Throws: ``PredictorError/unknownEncoding(_:known:)`` listing the accepted names.
    public init(parsing name: String) throws {
        guard let encoding = Encoding(rawValue: name) ?? Self.aliases[name] else {
            throw PredictorError.unknownEncoding(
                name, known: Self.aliases.keys.sorted() + Self.allCases.map(\.rawValue))
        }
        self = encoding
    }
}
