import Foundation

/// Provenance records as stable JSON (sorted keys, so the same inputs give the same bytes).
enum ProvenanceJSON {
    static func encode(_ object: [String: Any]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
