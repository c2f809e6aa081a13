/// The search spaces this build knows, by the short name stored in table files
/// (`search_space` attribute, e.g. `nb201`).
///
/// A closed set: each module that does something per space (codec, search domain, encodings,
/// default columns) extends this enum with an exhaustive `switch`, so adding a space is one new
/// case here and the compiler lists every place that needs it.
public enum SpaceID: String, CaseIterable, Codable, Sendable {
    /// NAS-Bench-201 (NATS-Bench topology): ``NB201Space``.
    case nb201
    /// NAS-Bench-101: ``NB101Space``.
    case nb101
    /// NAS-Bench-Graph: ``NBGraphSpace``.
    case nbgraph

    /// The stored names, sorted and comma-separated, for help texts and error messages.
    public static var knownNames: String {
        allCases.map(\.rawValue).sorted().joined(separator: ", ")
    }
}
