/// The cells of a table as strings: stored, or (for spaces whose codec can decode) written
/// from the byte encodings on access, so loading a table need not read or hash any strings.
public struct ArchColumn: RandomAccessCollection, Sendable {
    enum Storage: Sendable {
        case strings([String])
        case decoded(encodings: [UInt8], width: Int, decode: @Sendable (ArraySlice<UInt8>) -> String)
    }

    let storage: Storage
    public let count: Int

    init(strings: [String]) {
        storage = .strings(strings)
        count = strings.count
    }

    init(encodings: [UInt8], width: Int, decode: @escaping @Sendable (ArraySlice<UInt8>) -> String) {
        storage = .decoded(encodings: encodings, width: width, decode: decode)
        count = encodings.count / width
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(row: Int) -> String {
        switch storage {
        case .strings(let strings):
            return strings[row]
        case .decoded(let encodings, let width, let decode):
            return decode(encodings[(row * width)..<((row + 1) * width)])
        }
    }
}
