import Foundation

/// Reads TFRecord framing (TensorFlow `io/record_writer.cc`): each record is a little-endian
/// `uint64` length, the masked CRC-32C of those 8 bytes, the data, and the masked CRC-32C of the
/// data. Both checksums are verified.
struct TFRecordReader {
    let bytes: Data

    /// Calls `body` with each record's index and data, in file order.
    /// - Throws: ``TFRecordError`` for a truncated file or a failed checksum.
    func forEachRecord(_ body: (Int, UnsafeRawBufferPointer) throws -> Void) throws {
        try bytes.withUnsafeBytes { (all: UnsafeRawBufferPointer) in
            var offset = 0
            var record = 0
            while offset < all.count {
                guard all.count - offset >= 12 else {
                    throw TFRecordError.truncatedHeader(record: record, offset: offset, available: all.count - offset)
                }
                let lengthBytes = UnsafeRawBufferPointer(rebasing: all[offset..<(offset + 8)])
                let length = lengthBytes.loadUnaligned(as: UInt64.self).littleEndian
                let lengthCRC = all.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self).littleEndian
                guard CRC32C.masked(lengthBytes) == lengthCRC else {
                    throw TFRecordError.lengthChecksum(record: record, offset: offset)
                }
                let available = all.count - offset - 12
                guard length <= UInt64(max(0, available - 4)) else {
                    throw TFRecordError.truncatedData(record: record, offset: offset, length: length, available: available)
                }
                let start = offset + 12
                let data = UnsafeRawBufferPointer(rebasing: all[start..<(start + Int(length))])
                let dataCRC = all.loadUnaligned(fromByteOffset: start + Int(length), as: UInt32.self).littleEndian
                guard CRC32C.masked(data) == dataCRC else {
                    throw TFRecordError.dataChecksum(record: record, offset: offset)
                }
                try body(record, data)
                offset = start + Int(length) + 4
                record += 1
            }
        }
    }
}
