/// Sizes of one 2-D convolution or pooling window configuration, with the
/// im2col / col2im transforms for a single image.
struct ConvGeometry {
    let channels: Int, height: Int, width: Int
    let kernelH: Int, kernelW: Int
    let stride: Int, padding: Int, dilation: Int
    let outH: Int, outW: Int

    init(channels: Int, height: Int, width: Int, kernelH: Int, kernelW: Int,
         stride: Int, padding: Int, dilation: Int, op: String) {
        precondition(stride > 0 && dilation > 0 && padding >= 0,
                     "\(op): stride \(stride), padding \(padding), dilation \(dilation) must be positive (padding >= 0)")
        self.channels = channels; self.height = height; self.width = width
        self.kernelH = kernelH; self.kernelW = kernelW
        self.stride = stride; self.padding = padding; self.dilation = dilation
        let effH = dilation * (kernelH - 1) + 1, effW = dilation * (kernelW - 1) + 1
        precondition(height + 2 * padding >= effH && width + 2 * padding >= effW,
                     "\(op): kernel \(kernelH)x\(kernelW) (dilation \(dilation)) larger than padded input \(height)x\(width) + 2*\(padding)")
        outH = (height + 2 * padding - effH) / stride + 1
        outW = (width + 2 * padding - effW) / stride + 1
    }

    /// Rows of the column matrix: `channels * kernelH * kernelW`.
    var colRows: Int { channels * kernelH * kernelW }
    /// Columns of the column matrix: output pixels.
    var colCols: Int { outH * outW }
    /// True when im2col would be the identity (1x1, stride 1, no padding).
    var isPointwise: Bool { kernelH == 1 && kernelW == 1 && stride == 1 && padding == 0 }

    /// Output columns `ow` whose input column `ow*stride - padding + kj*dilation` is inside the image.
    @inline(__always)
    private func validRange(_ kj: Int) -> Range<Int> {
        let off = kj * dilation - padding
        // ow*stride + off >= 0  and  ow*stride + off < width
        let lo = off >= 0 ? 0 : (-off + stride - 1) / stride
        let hiExclusive = width - off <= 0 ? 0 : (width - off + stride - 1) / stride
        return lo..<Swift.max(lo, Swift.min(outW, hiExclusive))
    }

    /// Writes the `[colRows, colCols]` matrix of image `x` (`[channels, height, width]`) to `col`,
    /// whose rows are `ld` floats apart (`ld >= colCols`, so several images can sit side by side).
    func im2col(_ x: UnsafePointer<Float>, _ col: UnsafeMutablePointer<Float>, ld: Int) {
        let p = ld
        for c in 0..<channels {
            for ki in 0..<kernelH {
                for kj in 0..<kernelW {
                    let row = (c * kernelH + ki) * kernelW + kj
                    let valid = validRange(kj)
                    let off = kj * dilation - padding
                    for oh in 0..<outH {
                        let dst = col + row * p + oh * outW
                        let ih = oh * stride - padding + ki * dilation
                        if ih < 0 || ih >= height {
                            dst.update(repeating: 0, count: outW)
                            continue
                        }
                        let src = x + (c * height + ih) * width + off
                        if valid.lowerBound > 0 { dst.update(repeating: 0, count: valid.lowerBound) }
                        if stride == 1 {
                            (dst + valid.lowerBound).update(from: src + valid.lowerBound, count: valid.count)
                        } else {
                            for ow in valid { dst[ow] = src[ow * stride] }
                        }
                        if valid.upperBound < outW {
                            (dst + valid.upperBound).update(repeating: 0, count: outW - valid.upperBound)
                        }
                    }
                }
            }
        }
    }

    /// Adds the column matrix `col` (rows `ld` floats apart) back onto image gradient `dx`
    /// (the adjoint of ``im2col(_:_:ld:)``).
    func col2im(_ col: UnsafePointer<Float>, _ dx: UnsafeMutablePointer<Float>, ld: Int) {
        let p = ld
        for c in 0..<channels {
            for ki in 0..<kernelH {
                for kj in 0..<kernelW {
                    let row = (c * kernelH + ki) * kernelW + kj
                    let valid = validRange(kj)
                    let off = kj * dilation - padding
                    for oh in 0..<outH {
                        let ih = oh * stride - padding + ki * dilation
                        if ih < 0 || ih >= height { continue }
                        let src = col + row * p + oh * outW
                        let dst = dx + (c * height + ih) * width + off
                        if stride == 1 {
                            for ow in valid { dst[ow] += src[ow] }
                        } else {
                            for ow in valid { dst[ow * stride] += src[ow] }
                        }
                    }
                }
            }
        }
    }
}
