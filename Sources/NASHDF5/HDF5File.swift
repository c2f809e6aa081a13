import CHDF5
import Foundation

/// An open HDF5 file. Closing happens when the last reference goes away.
///
/// libhdf5's serial build is not thread-safe: use a file, and everything opened from it,
/// from one thread at a time.
public final class HDF5File {
    let id: hid_t
    /// The path the file was opened or created at.
    public let path: String

    private init(id: hid_t, path: String) {
        self.id = id
        self.path = path
    }

    deinit { H5Fclose(id) }

    /// Opens an existing file, read-only unless `writable`.
    public static func open(_ path: String, writable: Bool = false) throws -> HDF5File {
        nb_h5_silence_errors()
        guard FileManager.default.fileExists(atPath: path) else {
            throw HDF5Error("no such file: \(path)")
        }
        if H5Fis_hdf5(path) <= 0 {
            throw HDF5Error("not an HDF5 file (or truncated/corrupt): \(path)")
        }
        let flags = writable ? nb_h5f_acc_rdwr() : nb_h5f_acc_rdonly()
        let id = H5Fopen(path, flags, nb_h5p_default())
        if id < 0 { throw HDF5Error.library("cannot open HDF5 file \(path)") }
        return HDF5File(id: id, path: path)
    }

    /// Creates (or truncates) a file.
    public static func create(_ path: String) throws -> HDF5File {
        nb_h5_silence_errors()
        let id = H5Fcreate(path, nb_h5f_acc_trunc(), nb_h5p_default(), nb_h5p_default())
        if id < 0 { throw HDF5Error.library("cannot create HDF5 file \(path)") }
        return HDF5File(id: id, path: path)
    }

    /// The root group `/`.
    public func root() throws -> HDF5Group {
        let gid = try check(H5Gopen2(id, "/", nb_h5p_default()), "cannot open / in \(path)")
        return HDF5Group(id: gid, file: self, name: "/")
    }

    /// Writes buffered data to disk.
    public func flush() throws {
        try check(H5Fflush(id, H5F_SCOPE_GLOBAL), "cannot flush \(path)")
    }
}
