import CHDF5

/// A group: a folder of datasets and other groups.
public final class HDF5Group: HDF5Object {
    public let id: hid_t
    let file: HDF5File
    /// The group's path inside the file.
    public let name: String

    init(id: hid_t, file: HDF5File, name: String) {
        self.id = id
        self.file = file
        self.name = name
    }

    deinit { H5Gclose(id) }

    var location: String { "\(file.path):\(name)" }

    private func childPath(_ child: String) -> String {
        name == "/" ? "/\(child)" : "\(name)/\(child)"
    }

    /// Whether a direct child (group or dataset) with this name exists.
    public func contains(_ child: String) -> Bool {
        H5Lexists(id, child, nb_h5p_default()) > 0
    }

    /// Opens a child group.
    public func group(_ child: String) throws -> HDF5Group {
        guard contains(child) else { throw HDF5Error("missing group \(childPath(child)) in \(file.path)") }
        let gid = try check(H5Gopen2(id, child, nb_h5p_default()), "cannot open group \(childPath(child))")
        return HDF5Group(id: gid, file: file, name: childPath(child))
    }

    /// Creates a child group.
    public func createGroup(_ child: String) throws -> HDF5Group {
        let plist = try check(H5Pcreate(nb_h5p_group_create()), "cannot make property list")
        defer { H5Pclose(plist) }
        try check(H5Pset_obj_track_times(plist, false), "cannot turn off time tracking")
        let gid = try check(
            H5Gcreate2(id, child, nb_h5p_default(), plist, nb_h5p_default()),
            "cannot create group \(childPath(child))")
        return HDF5Group(id: gid, file: file, name: childPath(child))
    }

    /// Names of the direct children, in libhdf5's name order.
    public func childNames() throws -> [String] {
        final class Box { var names: [String] = [] }
        let box = Box()
        var index: hsize_t = 0
        let status = withUnsafeMutablePointer(to: &index) { indexPointer in
            H5Literate(
                id, H5_INDEX_NAME, H5_ITER_INC, indexPointer,
                { _, name, _, data in
                    guard let name, let data else { return -1 }
                    Unmanaged<Box>.fromOpaque(data).takeUnretainedValue().names.append(String(cString: name))
                    return 0
                }, Unmanaged.passUnretained(box).toOpaque())
        }
        try check(status, "cannot list \(location)")
        return box.names
    }

    /// Opens a child dataset.
    public func dataset(_ child: String) throws -> HDF5Dataset {
        guard contains(child) else { throw HDF5Error("missing dataset \(childPath(child)) in \(file.path)") }
        let did = try check(H5Dopen2(id, child, nb_h5p_default()), "cannot open dataset \(childPath(child))")
        return HDF5Dataset(id: did, file: file, name: childPath(child))
    }

    /// Writes a numeric array as a new dataset of the given shape (row-major).
    ///
    /// - Parameters:
    ///   - chunkRows: rows per chunk along the first axis (chunking enables compression).
    ///   - deflate: gzip level 0-9 (0: no compression); the shuffle filter is applied with it.
    @discardableResult
    public func write<T: HDF5Element>(
        _ child: String, _ values: [T], shape: [Int]? = nil, chunkRows: Int = 1 << 16, deflate: Int = 4
    ) throws -> HDF5Dataset {
        let shape = shape ?? [values.count]
        guard shape.reduce(1, *) == values.count else {
            throw HDF5Error("shape \(shape) does not hold \(values.count) values for \(childPath(child))")
        }
        let did = try createDataset(child, type: T.fileType, shape: shape, chunkRows: chunkRows, deflate: deflate)
        let dataset = HDF5Dataset(id: did, file: file, name: childPath(child))
        if !values.isEmpty {
            _ = try values.withUnsafeBufferPointer { buffer in
                try check(
                    H5Dwrite(did, T.nativeType, nb_h5s_all(), nb_h5s_all(), nb_h5p_default(), buffer.baseAddress),
                    "cannot write \(childPath(child))")
            }
        }
        return dataset
    }

    /// Writes strings as a 1-D dataset of fixed-length, NUL-padded UTF-8 strings
    /// (as long as the longest), which compresses well and reads fast.
    @discardableResult
    public func writeStrings(_ child: String, _ values: [String], chunkRows: Int = 1 << 14, deflate: Int = 4)
        throws -> HDF5Dataset
    {
        let width = max(1, values.map { $0.utf8.count }.max() ?? 1)
        var bytes = [UInt8](repeating: 0, count: width * values.count)
        for (row, value) in values.enumerated() {
            for (offset, byte) in value.utf8.enumerated() { bytes[row * width + offset] = byte }
        }
        let type = try fixedStringType(width: width)
        defer { H5Tclose(type) }
        let did = try createDataset(child, type: type, shape: [values.count], chunkRows: chunkRows, deflate: deflate)
        let dataset = HDF5Dataset(id: did, file: file, name: childPath(child))
        if !values.isEmpty {
            _ = try bytes.withUnsafeBufferPointer { buffer in
                try check(
                    H5Dwrite(did, type, nb_h5s_all(), nb_h5s_all(), nb_h5p_default(), buffer.baseAddress),
                    "cannot write \(childPath(child))")
            }
        }
        return dataset
    }

    private func createDataset(_ child: String, type: hid_t, shape: [Int], chunkRows: Int, deflate: Int) throws
        -> hid_t
    {
        var dims = shape.map { hsize_t($0) }
        let space = try check(H5Screate_simple(Int32(dims.count), &dims, nil), "cannot make dataspace")
        defer { H5Sclose(space) }
        let plist = try check(H5Pcreate(nb_h5p_dataset_create()), "cannot make property list")
        defer { H5Pclose(plist) }
        // No modification times in the file: the same table gives the same bytes.
        try check(H5Pset_obj_track_times(plist, false), "cannot turn off time tracking")
        if deflate > 0, let rows = shape.first, rows > 0 {
            var chunk = dims
            chunk[0] = hsize_t(min(rows, max(1, chunkRows)))
            try check(H5Pset_chunk(plist, Int32(chunk.count), &chunk), "cannot set chunking")
            try check(H5Pset_shuffle(plist), "cannot set shuffle filter")
            try check(H5Pset_deflate(plist, UInt32(min(deflate, 9))), "cannot set deflate filter")
        }
        return try check(
            H5Dcreate2(id, child, type, space, nb_h5p_default(), plist, nb_h5p_default()),
            "cannot create dataset \(childPath(child))")
    }
}

/// A fixed-length, NUL-padded UTF-8 string type of `width` bytes. The caller closes it.
func fixedStringType(width: Int) throws -> hid_t {
    let type = try check(H5Tcopy(nb_h5t_c_s1()), "cannot copy string type")
    try check(H5Tset_size(type, width), "cannot size string type")
    try check(H5Tset_strpad(type, H5T_STR_NULLPAD), "cannot pad string type")
    try check(H5Tset_cset(type, H5T_CSET_UTF8), "cannot set string charset")
    return type
}
