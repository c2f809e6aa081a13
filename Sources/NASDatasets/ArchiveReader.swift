import CArchive

/// Streams the entries of an archive (tar, tar.gz, zip, ...) with libarchive: no temporary
/// files, one entry in memory at a time.
public struct ArchiveReader {
    public let path: String

    public init(path: String) { self.path = path }

    /// Calls `body` with the path and bytes of every regular file whose path `wanted` accepts,
    /// in archive order. Fails with a one-line error on a missing, corrupt or truncated archive.
    public func forEachFile(
        where wanted: (String) -> Bool, _ body: (String, [UInt8]) throws -> Void
    ) throws {
        guard let archive = archive_read_new() else { throw DatasetError("cannot allocate an archive reader") }
        defer { archive_read_free(archive) }
        archive_read_support_filter_all(archive)
        archive_read_support_format_all(archive)
        guard archive_read_open_filename(archive, path, 1 << 16) == ARCHIVE_OK else {
            throw DatasetError("\(path): cannot open as an archive (\(Self.message(archive)))")
        }
        var entry: OpaquePointer?
        while true {
            let status = archive_read_next_header(archive, &entry)
            if status == ARCHIVE_EOF { break }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
                throw DatasetError("\(path): corrupt or truncated archive (\(Self.message(archive)))")
            }
            let name = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
            guard archive_entry_filetype(entry) == nb_ae_ifreg(), wanted(name) else {
                archive_read_data_skip(archive)
                continue
            }
            let size = archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : 0
            var bytes = [UInt8]()
            bytes.reserveCapacity(size)
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = buffer.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
                if count == 0 { break }
                guard count > 0 else {
                    throw DatasetError("\(path): corrupt or truncated archive while reading \(name) (\(Self.message(archive)))")
                }
                bytes.append(contentsOf: buffer[0..<count])
            }
            if size > 0 && bytes.count != size {
                throw DatasetError("\(path): \(name) is truncated (\(bytes.count) of \(size) bytes)")
            }
            try body(name, bytes)
        }
    }

    static func message(_ archive: OpaquePointer) -> String {
        archive_error_string(archive).map { String(cString: $0) } ?? "unknown error"
    }
}
