/// The fuzzer's bytes read as a sequence of choices; past the end every choice is 0, so that an
/// empty input is the first (valid) choice everywhere.
struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = Array(bytes) }

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A choice among `count` options.
    mutating func choose(_ count: Int) -> Int { Int(byte()) % count }

    /// Up to `limit` raw bytes (a length byte, then the bytes).
    mutating func blob(limit: Int) -> [UInt8] {
        let count = min(limit, Int(byte()))
        return (0..<count).map { _ in byte() }
    }

    mutating func float() -> Float {
        Float(bitPattern: UInt32(byte()) | UInt32(byte()) << 8 | UInt32(byte()) << 16 | UInt32(byte()) << 24)
    }
}
