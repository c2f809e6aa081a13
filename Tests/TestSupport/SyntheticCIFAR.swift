import Foundation

/// CIFAR-10-layout archives of synthetic images, for end-to-end runs without real data.
public enum SyntheticCIFAR {
    public enum Failure: Error { case tar(Int32) }

    /// A `cifar-10-batches-bin` archive in `folder` with `records` random 32x32 images in each
    /// of the train and test batches (labels cycle through the classes); returns its path.
    public static func archive(in folder: TemporaryFolder, records: Int = 40) throws -> String {
        let root = folder.file("src/cifar-10-batches-bin")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (b, name) in ["data_batch_1.bin", "test_batch.bin"].enumerated() {
            var bytes: [UInt8] = []
            for r in 0..<records {
                bytes.append(UInt8(r % 10))
                bytes.append(contentsOf: (0..<3072).map { UInt8(truncatingIfNeeded: (r % 10) * 20 + ($0 * 7 + b * 13 + r) % 40) })
            }
            try Data(bytes).write(to: URL(fileURLWithPath: (root as NSString).appendingPathComponent(name)))
        }
        let archive = folder.file("cifar.tar.gz")
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-czf", archive, "-C", folder.file("src"), "cifar-10-batches-bin"]
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else { throw Failure.tar(tar.terminationStatus) }
        return archive
    }
}
