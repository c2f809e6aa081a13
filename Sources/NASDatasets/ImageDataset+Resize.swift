/// The common form MetaD2A's set encoder takes: every image 32x32 with 3 channels (grey-scale
/// repeated, as the authors' loaders do), whatever the source.
extension ImageDataset {
    /// Each image resized to `side` x `side` by bilinear interpolation with pixel centres at
    /// half-integers (PIL's and PyTorch's `align_corners=False` convention; no anti-aliasing, so
    /// meant for enlarging), rounded to bytes.
    public func resized(to side: Int) throws -> ImageDataset {
        guard side >= 1 else { throw DatasetError("cannot resize images to \(side) x \(side)") }
        if height == side && width == side { return self }
        let (sy, sx) = (Double(height) / Double(side), Double(width) / Double(side))
        // Per output coordinate: the two source indices and the weight of the second.
        func taps(_ o: Int, scale: Double, size: Int) -> (Int, Int, Double) {
            let position = max((Double(o) + 0.5) * scale - 0.5, 0)
            let low = min(Int(position), size - 1)
            let high = min(low + 1, size - 1)
            return (low, high, position - Double(low))
        }
        let rows = (0..<side).map { taps($0, scale: sy, size: height) }
        let cols = (0..<side).map { taps($0, scale: sx, size: width) }
        let plane = height * width, outPlane = side * side
        var out = [UInt8](repeating: 0, count: count * channels * outPlane)
        for p in 0..<(count * channels) {
            let s = p * plane, d = p * outPlane
            for (y, (y0, y1, wy)) in rows.enumerated() {
                for (x, (x0, x1, wx)) in cols.enumerated() {
                    let top = Double(pixels[s + y0 * width + x0]) * (1 - wx) + Double(pixels[s + y0 * width + x1]) * wx
                    let bottom = Double(pixels[s + y1 * width + x0]) * (1 - wx) + Double(pixels[s + y1 * width + x1]) * wx
                    out[d + y * side + x] = UInt8(min(max((top * (1 - wy) + bottom * wy).rounded(), 0), 255))
                }
            }
        }
        return ImageDataset(pixels: out, labels: labels, channels: channels, height: side, width: side, classNames: classNames)
    }

    /// Grey-scale images with the one channel repeated three times; 3-channel images unchanged.
    public func rgb() throws -> ImageDataset {
        if channels == 3 { return self }
        guard channels == 1 else { throw DatasetError("images of \(channels) channels cannot become RGB (1 or 3 expected)") }
        let plane = height * width
        var out = [UInt8](repeating: 0, count: count * 3 * plane)
        for i in 0..<count {
            for c in 0..<3 { out.replaceSubrange((i * 3 + c) * plane..<((i * 3 + c + 1) * plane), with: pixels[(i * plane)..<((i + 1) * plane)]) }
        }
        return ImageDataset(pixels: out, labels: labels, channels: 3, height: height, width: width, classNames: classNames)
    }

    /// Checks that the set can make few-way tasks: at least two classes with images each.
    public func checkClasses(minimumPerClass: Int = 1) throws {
        let populated = classCounts().filter { $0 >= minimumPerClass }.count
        guard populated >= 2 else {
            throw DatasetError("a data set needs at least 2 classes with \(minimumPerClass) image(s) each, this one has \(populated)")
        }
    }
}
