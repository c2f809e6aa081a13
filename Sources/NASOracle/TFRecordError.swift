import NASCore
import Foundation

/// Why a file is not a readable TFRecord file, or an NAS-Bench-101 record is malformed.
/// Records are numbered from 0; offsets are in bytes from the start of the file.
public enum TFRecordError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The file ends inside a record's 12-byte header.
    case truncatedHeader(record: Int, offset: Int, available: Int)
    /// The file ends before a record's data and checksum.
    case truncatedData(record: Int, offset: Int, length: UInt64, available: Int)
    /// The masked CRC-32C of the length field does not match.
    case lengthChecksum(record: Int, offset: Int)
    /// The masked CRC-32C of the data does not match.
    case dataChecksum(record: Int, offset: Int)
    /// The record's data is not what the NAS-Bench-101 format puts there.
    case badRecord(record: Int, why: String)

    /// One line whatever the quoted input holds (``Swift/String/oneLine``).
    public var description: String { unescapedDescription.oneLine }

    private var unescapedDescription: String {
        switch self {
        case .truncatedHeader(let record, let offset, let available):
            return "truncated file: record \(record) at byte \(offset) has \(available) of the 12 header bytes (length + its CRC)"
        case .truncatedData(let record, let offset, let length, let available):
            return "truncated file: record \(record) at byte \(offset) announces \(length) data bytes + 4 CRC bytes, but only \(available) bytes follow"
        case .lengthChecksum(let record, let offset):
            return "corrupt file: record \(record) at byte \(offset): the length field fails its masked CRC-32C check"
        case .dataChecksum(let record, let offset):
            return "corrupt file: record \(record) at byte \(offset): the data fails its masked CRC-32C check"
        case .badRecord(let record, let why):
            return "record \(record): \(why)"
        }
    }

    public var errorDescription: String? { description }
}
