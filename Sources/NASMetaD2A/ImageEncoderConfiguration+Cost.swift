/// What one image costs the encoder: multiply-accumulates of its convolutions and projection (batch
/// norm, ReLU, pooling and adds left out, as torchvision-style FLOP counts do), and its parameters.
extension ImageEncoderConfiguration {
    /// Output side of a convolution or pooling (`(side + 2 * padding - kernel) / stride + 1`).
    static func outputSide(_ side: Int, kernel: Int, stride: Int, padding: Int) -> Int {
        (side + 2 * padding - kernel) / stride + 1
    }

    /// Multiply-accumulates of one forward pass on a `side` x `side` RGB image.
    public func macs(imageSide side: Int) -> Int {
        var macs = 0
        var h = Self.outputSide(side, kernel: 7, stride: 2, padding: 3)
        macs += width * 3 * 49 * h * h
        h = Self.outputSide(h, kernel: 3, stride: 2, padding: 1)
        var cIn = width
        for (s, blocks) in blocksPerStage.enumerated() {
            let cOut = stageWidth(s)
            for b in 0..<blocks {
                let stride = b == 0 && s > 0 ? 2 : 1
                let out = Self.outputSide(h, kernel: 3, stride: stride, padding: 1)
                macs += cOut * cIn * 9 * out * out + cOut * cOut * 9 * out * out
                if stride != 1 || cIn != cOut { macs += cOut * cIn * out * out }
                h = out
                cIn = cOut
            }
        }
        return macs + (projects ? pooledWidth * featureSize : 0)
    }

    /// Learnable parameters (convolution weights, BN weights and biases, the projection).
    public var parameterCount: Int {
        var count = width * 3 * 49 + 2 * width
        var cIn = width
        for (s, blocks) in blocksPerStage.enumerated() {
            let cOut = stageWidth(s)
            for b in 0..<blocks {
                count += cOut * cIn * 9 + cOut * cOut * 9 + 4 * cOut
                if (b == 0 && s > 0) || cIn != cOut { count += cOut * cIn + 2 * cOut }
                cIn = cOut
            }
        }
        return count + (projects ? pooledWidth * featureSize + featureSize : 0)
    }
}
