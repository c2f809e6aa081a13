import CHDF5
import Foundation
import NASHDF5
import NASOracle
import NASSpaces

/// Writes a nasbench table file whose every part is chosen by the fuzzer's bytes: root attributes
/// present, missing, mistyped or holding arbitrary bytes; cell datasets of the wrong type, rank or
/// length, encodings outside the alphabet, declared shapes far beyond the file (never-written
/// chunks), duplicate or missing indices; metric columns of any type with attributes that agree
/// or not; and, after the file is closed, bytes overwritten inside a column's stored data
/// (a contiguous array or a deflate-compressed chunk). An input of zeros writes a valid table.
///
/// Mutating the file's bytes directly reaches libhdf5's own metadata parsing, which hangs on some
/// corrupt global-heap records in the Debian build (1.10.8; docs/RELIABILITY.md); that is outside
/// this project's code, so the target exercises what the reader is responsible for.
enum HDF5TableGenerator {
    static func write(_ input: inout FuzzInput, to path: String) throws {
        let rows = [3, 1, 0, 40][input.choose(4)]
        let space: String? = ["nb201", "nb101", "nbgraph", "nb999", nil][input.choose(5)]
        var corruption: (address: UInt64, size: UInt64)?
        do {
            let file = try HDF5File.create(path)
            let root = try file.root()
            try attribute(root, "format", valid: .string(BenchmarkFormat.name), &input)
            try attribute(root, "format_version", valid: .integer(Int64(BenchmarkFormat.version)), &input)
            if let space { try attribute(root, "search_space", valid: .string(space), &input) }
            for name in ["source", "provenance", "created_by"] { try attribute(root, name, valid: .string("{}"), &input) }

            let cells = try root.createGroup("cells")
            let archs = (0..<rows).map { (NB201Cell(rank: ($0 * 7919 + Int(input.byte())) % NB201Cell.count) ?? NB201Cell(ops: Array(repeating: .none, count: NB201Cell.edgeCount))).description }
            switch input.choose(5) {
            case 0: try cells.writeStrings("arch", archs)
            case 4: try unwritten(cells, "arch", dims: [1 << 40], stringWidth: 95)
            case 1: try cells.write("arch", archs.map { Float($0.utf8.count) })
            case 2: try cells.writeStrings("arch", archs + ["|x~0|"])
            default: try cells.writeStrings("arch", archs.map { _ in String(decoding: input.blob(limit: 40), as: UTF8.self) })
            }
            let width = NB201Cell.edgeCount
            let encodings: [UInt8] = archs.flatMap { arch -> [UInt8] in
                (try? NB201Space().parse(arch))?.ops.map { UInt8($0.index) } ?? [UInt8](repeating: 0, count: width)
            }
            switch input.choose(5) {
            case 0: try cells.write("encoding", encodings, shape: [rows, width])
            case 1: try cells.write("encoding", encodings.map { (value: UInt8) -> UInt8 in value &+ input.byte() }, shape: [rows, width])
            case 2: try cells.write("encoding", encodings + [0], shape: [rows * width + 1])
            case 3: try cells.write("encoding", encodings.map { Float($0) }, shape: [rows, width])
            default: try unwritten(cells, "encoding", dims: [1 << 40, hsize_t(width)])
            }
            switch input.choose(4) {
            case 0: try cells.write("index", (0..<rows).map(Int64.init))
            case 1: try cells.write("index", (0..<rows).map { _ in Int64(input.byte()) })
            case 2: try cells.write("index", (0..<rows).map(Float.init))
            default: break
            }

            let metrics = try root.createGroup("metrics")
            let keys = [
                ColumnKey(dataset: .cifar10, split: .test, metric: .accuracy, epochs: 200),
                ColumnKey(dataset: .cifar100, split: .valid, metric: .accuracy, epochs: 12, seed: 777),
                ColumnKey(dataset: .cifar10, split: .none, metric: .latency, device: "pixel3-tflite"),
            ]
            for column in 0..<input.choose(4) {
                let key = keys[column % keys.count]
                let values = (0..<rows).map { _ in input.float() }
                let name = input.choose(8) == 7 ? String(decoding: input.blob(limit: 30), as: UTF8.self) : key.name
                guard !name.isEmpty, !name.contains("/"), !name.contains("."), !metrics.contains(name) || name == key.name,
                      !metrics.contains(name) else { continue }
                let contiguous = input.choose(2) == 0
                let set: HDF5Dataset
                switch input.choose(5) {
                case 0, 1: set = try metrics.write(name, values, chunkRows: 16, deflate: contiguous ? 0 : 4)
                case 2: set = try metrics.write(name, values.map(Double.init), deflate: contiguous ? 0 : 4)
                case 3: set = try metrics.write(name, values.map { Int32(clamping: Int(exactly: $0.rounded(.towardZero)) ?? 0) })
                default: set = try metrics.write(name, values + [1], deflate: contiguous ? 0 : 4)
                }
                try columnAttributes(set, key, &input)
                if input.choose(3) == 1 { corruption = try storage(of: set, file: file) }
            }
            try file.flush()
        }
        if let corruption, corruption.size > 0 {
            try overwrite(path, at: corruption.address, within: corruption.size, &input)
        }
    }

    /// An attribute as the format wants it, or missing, of another type, or arbitrary bytes.
    private static func attribute(_ object: HDF5Object, _ name: String, valid: HDF5AttributeValue, _ input: inout FuzzInput) throws {
        switch input.choose(6) {
        case 0, 1: try object.setAttribute(name, valid)
        case 2: break
        case 3: try object.setAttribute(name, .integer(Int64(input.byte()) - 1))
        case 4: try object.setAttribute(name, .real(Double(input.float())))
        default: try object.setAttribute(name, .string(String(decoding: input.blob(limit: 60), as: UTF8.self)))
        }
    }

    private static func columnAttributes(_ set: HDF5Dataset, _ key: ColumnKey, _ input: inout FuzzInput) throws {
        let values: [(String, HDF5AttributeValue)] = [
            ("dataset", .string(key.dataset.rawValue)), ("split", .string(key.split.rawValue)),
            ("metric", .string(key.metric.rawValue)), ("epochs", .integer(Int64(key.epochs ?? 0))),
            ("seed", .integer(Int64(key.seed ?? -1))), ("device", .string(key.device ?? "")),
        ]
        for (name, value) in values { try attribute(set, name, valid: value, &input) }
    }

    /// A dataset whose declared shape is far beyond what the file stores: chunked, never written.
    private static func unwritten(_ group: HDF5Group, _ name: String, dims: [hsize_t], stringWidth: Int? = nil) throws {
        var dims = dims
        let type = stringWidth.map { width in
            let type = H5Tcopy(nb_h5t_c_s1())
            H5Tset_size(type, width)
            return type
        } ?? H5Tcopy(nb_h5t_std_u8le())
        defer { H5Tclose(type) }
        let space = H5Screate_simple(Int32(dims.count), &dims, nil)
        defer { H5Sclose(space) }
        let plist = H5Pcreate(nb_h5p_dataset_create())
        defer { H5Pclose(plist) }
        var chunk = dims.map { _ in hsize_t(4) }
        H5Pset_chunk(plist, Int32(chunk.count), &chunk)
        let id = H5Dcreate2(group.id, name, type, space, nb_h5p_default(), plist, nb_h5p_default())
        guard id >= 0 else { throw HDF5Error("fuzz: cannot create \(name)") }
        H5Dclose(id)
    }

    /// Where a dataset's values lie in the file: its contiguous block, or its first chunk.
    private static func storage(of set: HDF5Dataset, file: HDF5File) throws -> (address: UInt64, size: UInt64)? {
        try file.flush()
        let address = H5Dget_offset(set.id)
        if address != haddr_t.max { return (UInt64(address), H5Dget_storage_size(set.id)) }
        var offset = [hsize_t](repeating: 0, count: 1)
        var mask: UInt32 = 0
        var chunkAddress: haddr_t = 0
        var size: hsize_t = 0
        guard H5Dget_chunk_info(set.id, H5S_ALL, 0, &offset, &mask, &chunkAddress, &size) >= 0 else { return nil }
        return (UInt64(chunkAddress), size)
    }

    /// Overwrites up to 8 bytes at offsets the input picks inside `[address, address + size)`.
    private static func overwrite(_ path: String, at address: UInt64, within size: UInt64, _ input: inout FuzzInput) throws {
        guard let handle = FileHandle(forUpdatingAtPath: path) else { return }
        defer { try? handle.close() }
        for _ in 0..<(1 + input.choose(8)) {
            let position = address + UInt64(UInt16(input.byte()) << 8 | UInt16(input.byte())) % size
            try handle.seek(toOffset: position)
            handle.write(Data([input.byte()]))
        }
    }
}
