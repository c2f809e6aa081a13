import NASCore
/// A minimal reader of the protocol-buffer wire format: enough to walk a message's fields
/// (varint, 64-bit, length-delimited, 32-bit) without generated code.
struct ProtobufWireReader {
    /// One field as it appears on the wire.
    enum Value {
        case varint(UInt64)
        case fixed64(UInt64)
        case bytes(ArraySlice<UInt8>)
        case fixed32(UInt32)
    }

    /// Why bytes are not a protobuf message.
    struct Malformed: Error, CustomStringConvertible {
        let why: String
        var description: String { ("malformed protobuf: \(why)").oneLine }
    }

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    /// The next field (number and value), or nil at the end of the message.
    mutating func next() throws -> (field: Int, value: Value)? {
        guard position < bytes.endIndex else { return nil }
        let key = try varint()
        let field = Int(key >> 3)
        guard field > 0 else { throw Malformed(why: "field number 0 at byte \(position - bytes.startIndex)") }
        switch key & 7 {
        case 0:
            return (field, .varint(try varint()))
        case 1:
            return (field, .fixed64(try fixed(8)))
        case 2:
            let length = try varint()
            guard length <= UInt64(bytes.endIndex - position) else {
                throw Malformed(why: "field \(field) announces \(length) bytes, \(bytes.endIndex - position) remain")
            }
            let start = position
            position += Int(length)
            return (field, .bytes(bytes[start..<position]))
        case 5:
            return (field, .fixed32(UInt32(try fixed(4))))
        default:
            throw Malformed(why: "field \(field) has unsupported wire type \(key & 7) (expected 0, 1, 2 or 5)")
        }
    }

    private mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.endIndex, shift < 64 {
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw Malformed(why: "varint runs past the end of the message")
    }

    private mutating func fixed(_ count: Int) throws -> UInt64 {
        guard bytes.endIndex - position >= count else {
            throw Malformed(why: "\(count)-byte field runs past the end of the message")
        }
        var result: UInt64 = 0
        for offset in 0..<count {
            result |= UInt64(bytes[position + offset]) << UInt64(8 * offset)
        }
        position += count
        return result
    }
}
