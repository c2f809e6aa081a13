import Foundation
import CHDF5

/// A stored array.
public final class HDF5Dataset: HDF5Object {
    public let id: hid_t
    let file: HDF5File
    /// The dataset's path inside the file.
    public let name: String

    init(id: hid_t, file: HDF5File, name: String) {
        self.id = id
        self.file = file
        self.name = name
    }

    deinit { H5Dclose(id) }

    var location: String { "\(file.path):\(name)" }

    /// The dataset's dimensions.
    public func shape() throws -> [Int] {
        let space = try check(H5Dget_space(id), "cannot read the shape of \(location)")
        defer { H5Sclose(space) }
        let rank = Int(try check(H5Sget_simple_extent_ndims(space), "cannot read the rank of \(location)"))
        var dims = [hsize_t](repeating: 0, count: rank)
        try check(H5Sget_simple_extent_dims(space, &dims, nil), "cannot read the dims of \(location)")
        return try dims.map { dim in
            guard let size = Int(exactly: dim) else { throw HDF5Error("\(location) declares a dimension of \(dim)") }
            return size
        }
    }

    /// The number of elements, refused (before anything is allocated) when the product overflows or
    /// the values would take more memory than the file can hold: deflate expands at most 1032-fold,
    /// so a dataset whose chunks are all written cannot decompress to more than that multiple of its
    /// file's size. Only never-written chunks (fill values) could, and nasbench tables have none.
    func checkedCount(elementSize: Int) throws -> Int {
        var count = 1
        for size in try shape() {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else { throw HDF5Error("\(location) declares more elements than memory can address") }
            count = product
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: max(1, elementSize))
        let fileSize = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        let bound = max(Self.minimumReadBound, fileSize.multipliedReportingOverflow(by: 1100).partialValue)
        guard !overflow, bytes <= bound else {
            throw HDF5Error("\(location) declares \(count) elements of \(elementSize) bytes, more than its \(fileSize)-byte file can hold")
        }
        return count
    }

    /// Reads below this many bytes are not checked against the file's size.
    static let minimumReadBound = 64 << 20

    /// The class of the stored elements.
    public func typeClass() throws -> HDF5TypeClass {
        let type = try check(H5Dget_type(id), "cannot read the type of \(location)")
        defer { H5Tclose(type) }
        return HDF5TypeClass(type)
    }

    /// Reads every element, converted to `T` by libhdf5; the stored class must be numeric.
    public func read<T: HDF5Element>(as _: T.Type = T.self) throws -> [T] {
        let cls = try typeClass()
        guard cls == .integer || cls == .float else {
            throw HDF5Error("\(location) holds \(cls) values, expected numbers")
        }
        let count = try checkedCount(elementSize: MemoryLayout<T>.stride)
        var values = [T](repeating: T.zero, count: count)
        if count > 0 {
            _ = try values.withUnsafeMutableBufferPointer { buffer in
                try check(
                    H5Dread(id, T.nativeType, nb_h5s_all(), nb_h5s_all(), nb_h5p_default(), buffer.baseAddress),
                    "cannot read \(location)")
            }
        }
        return values
    }

    /// Reads a 1-D string dataset, fixed-length or variable-length (as h5py writes `str` arrays).
    public func readStrings() throws -> [String] {
        let type = try check(H5Dget_type(id), "cannot read the type of \(location)")
        defer { H5Tclose(type) }
        guard HDF5TypeClass(type) == .string else { throw HDF5Error("\(location) does not hold strings") }
        let isVariable = H5Tis_variable_str(type) > 0
        let width = H5Tget_size(type)
        let count = try checkedCount(elementSize: isVariable ? MemoryLayout<UnsafeMutablePointer<CChar>?>.stride : width)
        if count == 0 { return [] }
        if isVariable {
            let memType = try check(H5Tcopy(nb_h5t_c_s1()), "cannot copy string type")
            defer { H5Tclose(memType) }
            try check(H5Tset_size(memType, nb_h5t_variable()), "cannot size string type")
            try check(H5Tset_cset(memType, H5Tget_cset(type)), "cannot set string charset")
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            try check(
                H5Dread(id, memType, nb_h5s_all(), nb_h5s_all(), nb_h5p_default(), &pointers),
                "cannot read \(location)")
            let strings = pointers.map { $0.map { String(cString: $0) } ?? "" }
            let space = try check(H5Dget_space(id), "cannot read the shape of \(location)")
            defer { H5Sclose(space) }
            H5Dvlen_reclaim(memType, space, nb_h5p_default(), &pointers)
            return strings
        }
        var bytes = [UInt8](repeating: 0, count: width * count)
        try check(
            H5Dread(id, type, nb_h5s_all(), nb_h5s_all(), nb_h5p_default(), &bytes), "cannot read \(location)")
        return (0..<count).map { row in
            let slice = bytes[(row * width)..<((row + 1) * width)]
            let end = slice.firstIndex(of: 0) ?? slice.endIndex
            return String(decoding: slice[slice.startIndex..<end], as: UTF8.self)
        }
    }
}
