import Foundation

/// The handwritten digits scikit-learn ships (`sklearn/datasets/data/digits.csv.gz`, the UCI
/// optical recognition test set): 1,797 grey-scale 8x8 images of 10 classes, pixel values 0-16,
/// one image a row (64 values, then the label). Installed with Debian's `python3-sklearn` or the
/// scikit-learn wheel (the project's venv), so a fresh machine can get it by itself.
public enum SklearnDigits {
    public static let environmentVariable = "NASBENCH_SKLEARN_DIGITS"

    /// Where the file is: `$NASBENCH_SKLEARN_DIGITS`, the project's venv, or Debian's package.
    public static func defaultPath(projectRoot: String = FileManager.default.currentDirectoryPath) -> String? {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty { return path }
        var candidates: [String] = []
        let lib = (projectRoot as NSString).appendingPathComponent(".venv/lib")
        for python in ((try? FileManager.default.contentsOfDirectory(atPath: lib)) ?? []).sorted() where python.hasPrefix("python") {
            candidates.append("\(lib)/\(python)/site-packages/sklearn/datasets/data/digits.csv.gz")
        }
        candidates.append("/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz")
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The images with pixels scaled from 0-16 to 0-255 (`v * 255 / 16`, rounded), 1 channel, 8x8.
    public static func load(path: String) throws -> ImageDataset {
        let bytes: [UInt8]
        do { bytes = try IDXFile.readAll(path) } catch { throw DatasetError("\(path): \(error)") }
        var pixels: [UInt8] = [], labels: [UInt8] = []
        for (number, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n").enumerated() {
            let fields = line.split(separator: ",")
            guard fields.count == 65 else {
                throw DatasetError("\(path): row \(number + 1) has \(fields.count) values, expected 64 pixels and a label")
            }
            let values = fields.map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard values.allSatisfy({ $0 != nil }) else { throw DatasetError("\(path): row \(number + 1) holds a value that is not a number") }
            let numbers = values.map { $0! }
            guard numbers.dropLast().allSatisfy({ $0 >= 0 && $0 <= 16 }), let label = numbers.last, label >= 0, label <= 9,
                  label == label.rounded() else {
                throw DatasetError("\(path): row \(number + 1): pixels must be in 0...16 and the label in 0...9")
            }
            pixels += numbers.dropLast().map { UInt8(($0 * 255 / 16).rounded()) }
            labels.append(UInt8(label))
        }
        guard !labels.isEmpty else { throw DatasetError("\(path): no images") }
        return ImageDataset(pixels: pixels, labels: labels, channels: 1, height: 8, width: 8, classNames: (0...9).map(String.init))
    }
}
