import Foundation
/// CIFAR-10 in its official binary layout (`cifar-10-binary.tar.gz`): records of 1 label byte
/// and 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue; 32 x 32 row-major) in
/// `data_batch_1.bin` ... `data_batch_5.bin` and `test_batch.bin`, with `batches.meta.txt`.
public enum CIFAR10 {
    public static let recordSize = 1 + 3 * 32 * 32
    public static let classNames = [
        "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck",
    ]

    /// Which part of the dataset to read.
    public enum Part: String, Sendable, CaseIterable {
        case train, test
    }

    /// Reads the training batches (all that the archive has, in order) or the test batch,
    /// streaming the archive.
    public static func load(archive path: String, part: Part) throws -> ImageDataset {
        var names = classNames
        var batches: [(name: String, bytes: [UInt8])] = []
        try ArchiveReader(path: path).forEachFile(where: { name in
            let file = name.split(separator: "/").last.map(String.init) ?? name
            return file == "batches.meta.txt" || (part == .test ? file == "test_batch.bin" : file.hasPrefix("data_batch_") && file.hasSuffix(".bin"))
        }) { name, bytes in
            if name.hasSuffix("batches.meta.txt") {
                let listed = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                if listed.count == 10 { names = listed }
                return
            }
            guard !bytes.isEmpty, bytes.count % recordSize == 0 else {
                throw DatasetError("\(path): \(name) has \(bytes.count) bytes, not a whole number of \(recordSize)-byte CIFAR-10 records")
            }
            batches.append((name, bytes))
        }
        // Batches in their numeric order (data_batch_1 ... 5), whatever order the archive has.
        batches.sort { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        var pixels: [UInt8] = []
        var labels: [UInt8] = []
        pixels.reserveCapacity(batches.reduce(0) { $0 + $1.bytes.count })
        for (name, bytes) in batches {
            for start in stride(from: 0, to: bytes.count, by: recordSize) {
                let label = bytes[start]
                guard label < 10 else {
                    throw DatasetError("\(path): \(name) record \(start / recordSize) has label \(label), expected 0-9")
                }
                labels.append(label)
                pixels.append(contentsOf: bytes[(start + 1)..<(start + recordSize)])
            }
        }
        guard !labels.isEmpty else {
            throw DatasetError("\(path): no CIFAR-10 \(part.rawValue) batches found (expected cifar-10-batches-bin/\(part == .test ? "test_batch.bin" : "data_batch_N.bin"))")
        }
        return ImageDataset(pixels: pixels, labels: labels, channels: 3, height: 32, width: 32, classNames: names)
    }
}
