import CHDF5

/// Something that carries attributes: a group or a dataset.
public protocol HDF5Object: AnyObject {
    var id: hid_t { get }
    var name: String { get }
}

/// A value of a scalar attribute.
public enum HDF5AttributeValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case integer(Int64)
    case real(Double)

    public var description: String {
        switch self {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .real(let d): return String(d)
        }
    }
}

extension HDF5Object {
    /// Names of the attributes on this object.
    public func attributeNames() throws -> [String] {
        var info = H5O_info_t()
        try check(H5Oget_info2(id, &info, UInt32(H5O_INFO_NUM_ATTRS)), "cannot inspect \(name)")
        return try (0..<Int(info.num_attrs)).map { index in
            let size = try check(
                H5Aget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, hsize_t(index), nil, 0, nb_h5p_default()),
                "cannot read an attribute name of \(name)")
            var buffer = [CChar](repeating: 0, count: Int(size) + 1)
            H5Aget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, hsize_t(index), &buffer, buffer.count, nb_h5p_default())
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// Whether the attribute exists.
    public func hasAttribute(_ key: String) -> Bool { H5Aexists(id, key) > 0 }

    /// Writes a scalar attribute (strings as variable-length UTF-8, which h5py reads as `str`).
    public func setAttribute(_ key: String, _ value: HDF5AttributeValue) throws {
        if hasAttribute(key) { try check(H5Adelete(id, key), "cannot replace attribute \(key) of \(name)") }
        let space = try check(H5Screate(H5S_SCALAR), "cannot make scalar dataspace")
        defer { H5Sclose(space) }
        switch value {
        case .string(let string):
            let type = try check(H5Tcopy(nb_h5t_c_s1()), "cannot copy string type")
            defer { H5Tclose(type) }
            try check(H5Tset_size(type, nb_h5t_variable()), "cannot size string type")
            try check(H5Tset_cset(type, H5T_CSET_UTF8), "cannot set charset")
            let attr = try check(H5Acreate2(id, key, type, space, nb_h5p_default(), nb_h5p_default()), "cannot create attribute \(key)")
            defer { H5Aclose(attr) }
            try string.withCString { cString in
                var pointer: UnsafePointer<CChar>? = cString
                try check(H5Awrite(attr, type, &pointer), "cannot write attribute \(key)")
            }
        case .integer(var integer):
            let attr = try check(H5Acreate2(id, key, nb_h5t_std_i64le(), space, nb_h5p_default(), nb_h5p_default()), "cannot create attribute \(key)")
            defer { H5Aclose(attr) }
            try check(H5Awrite(attr, nb_h5t_native_int64(), &integer), "cannot write attribute \(key)")
        case .real(var real):
            let attr = try check(H5Acreate2(id, key, nb_h5t_ieee_f64le(), space, nb_h5p_default(), nb_h5p_default()), "cannot create attribute \(key)")
            defer { H5Aclose(attr) }
            try check(H5Awrite(attr, nb_h5t_native_double(), &real), "cannot write attribute \(key)")
        }
    }

    public func setAttribute(_ key: String, _ value: String) throws { try setAttribute(key, .string(value)) }
    public func setAttribute(_ key: String, _ value: Int) throws { try setAttribute(key, .integer(Int64(value))) }

    /// Reads a scalar attribute of any of the supported kinds (fixed or variable-length strings included).
    public func attribute(_ key: String) throws -> HDF5AttributeValue {
        guard hasAttribute(key) else { throw HDF5Error("missing attribute '\(key)' on \(name)") }
        let attr = try check(H5Aopen(id, key, nb_h5p_default()), "cannot open attribute \(key) of \(name)")
        defer { H5Aclose(attr) }
        let type = try check(H5Aget_type(attr), "cannot read the type of attribute \(key)")
        defer { H5Tclose(type) }
        let space = try check(H5Aget_space(attr), "cannot read the shape of attribute \(key)")
        defer { H5Sclose(space) }
        guard H5Sget_simple_extent_npoints(space) == 1 else {
            throw HDF5Error("attribute '\(key)' on \(name) is not a scalar")
        }
        switch HDF5TypeClass(type) {
        case .integer:
            var value: Int64 = 0
            try check(H5Aread(attr, nb_h5t_native_int64(), &value), "cannot read attribute \(key)")
            return .integer(value)
        case .float:
            var value: Double = 0
            try check(H5Aread(attr, nb_h5t_native_double(), &value), "cannot read attribute \(key)")
            return .real(value)
        case .string:
            if H5Tis_variable_str(type) > 0 {
                var pointer: UnsafeMutablePointer<CChar>? = nil
                try check(H5Aread(attr, type, &pointer), "cannot read attribute \(key)")
                defer { H5free_memory(pointer) }
                return .string(pointer.map { String(cString: $0) } ?? "")
            }
            let width = H5Tget_size(type)
            guard width <= 1 << 20 else { throw HDF5Error("attribute '\(key)' on \(name) declares a \(width)-byte string") }
            var bytes = [UInt8](repeating: 0, count: width)
            try check(H5Aread(attr, type, &bytes), "cannot read attribute \(key)")
            let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
            return .string(String(decoding: bytes[..<end], as: UTF8.self))
        case .other:
            throw HDF5Error("attribute '\(key)' on \(name) has an unsupported type")
        }
    }

    /// Reads a string attribute, or throws naming the attribute.
    public func stringAttribute(_ key: String) throws -> String {
        guard case .string(let s) = try attribute(key) else {
            throw HDF5Error("attribute '\(key)' on \(name) is not a string")
        }
        return s
    }

    /// Reads an integer attribute, or throws naming the attribute.
    public func integerAttribute(_ key: String) throws -> Int {
        guard case .integer(let i) = try attribute(key) else {
            throw HDF5Error("attribute '\(key)' on \(name) is not an integer")
        }
        return Int(i)
    }
}
