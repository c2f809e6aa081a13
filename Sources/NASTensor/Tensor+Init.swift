import NASCore

extension Tensor {
    /// All zeros.
    public static func zeros(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        Tensor(repeating: 0, shape: shape, requiresGrad: requiresGrad)
    }

    /// All ones.
    public static func ones(_ shape: [Int], requiresGrad: Bool = false) -> Tensor {
        Tensor(repeating: 1, shape: shape, requiresGrad: requiresGrad)
    }

    /// Samples from `N(0, std^2)`.
    public static func randomNormal(_ shape: [Int], std: Float = 1, requiresGrad: Bool = false,
                                    using rng: inout some RandomNumberGenerator) -> Tensor {
        let n = Shape.count(shape)
        var d = [Float](repeating: 0, count: n)
        for i in 0..<n { d[i] = rng.nextNormal() * std }
        return Tensor(shape: shape, data: d, requiresGrad: requiresGrad)
    }

    /// Samples from `U(-bound, bound)`.
    public static func randomUniform(_ shape: [Int], bound: Float, requiresGrad: Bool = false,
                                     using rng: inout some RandomNumberGenerator) -> Tensor {
        let n = Shape.count(shape)
        var d = [Float](repeating: 0, count: n)
        if bound > 0 { for i in 0..<n { d[i] = rng.nextFloat(in: -bound..<bound) } }
        return Tensor(shape: shape, data: d, requiresGrad: requiresGrad)
    }

    /// `(fanIn, fanOut)` of a weight shape: `[out, in]` or `[out, in, kH, kW]`.
    public static func fans(_ shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        precondition(shape.count >= 2, "fans: weight shape needs at least 2 dimensions, got \(shape)")
        let receptive = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptive, shape[0] * receptive)
    }

    /// Kaiming (He) normal, fan-in mode, ReLU gain: `std = sqrt(2 / fanIn)`.
    public static func kaimingNormal(_ shape: [Int], requiresGrad: Bool = true,
                                     using rng: inout some RandomNumberGenerator) -> Tensor {
        let std = (2 / Float(Swift.max(fans(shape).fanIn, 1))).squareRoot()
        return randomNormal(shape, std: std, requiresGrad: requiresGrad, using: &rng)
    }

    /// Kaiming (He) uniform, fan-in mode: `bound = sqrt(6 / ((1 + a^2) * fanIn))`.
    /// `a = sqrt(5)` gives PyTorch's default `Linear`/`Conv2d` initialisation.
    public static func kaimingUniform(_ shape: [Int], a: Float = 0, requiresGrad: Bool = true,
                                      using rng: inout some RandomNumberGenerator) -> Tensor {
        let bound = (6 / ((1 + a * a) * Float(Swift.max(fans(shape).fanIn, 1)))).squareRoot()
        return randomUniform(shape, bound: bound, requiresGrad: requiresGrad, using: &rng)
    }

    /// Xavier (Glorot) uniform: `bound = sqrt(6 / (fanIn + fanOut))`.
    public static func xavierUniform(_ shape: [Int], requiresGrad: Bool = true,
                                     using rng: inout some RandomNumberGenerator) -> Tensor {
        let f = fans(shape)
        let bound = (6 / Float(Swift.max(f.fanIn + f.fanOut, 1))).squareRoot()
        return randomUniform(shape, bound: bound, requiresGrad: requiresGrad, using: &rng)
    }

    /// Xavier (Glorot) normal: `std = sqrt(2 / (fanIn + fanOut))`.
    public static func xavierNormal(_ shape: [Int], requiresGrad: Bool = true,
                                    using rng: inout some RandomNumberGenerator) -> Tensor {
        let f = fans(shape)
        let std = (2 / Float(Swift.max(f.fanIn + f.fanOut, 1))).squareRoot()
        return randomNormal(shape, std: std, requiresGrad: requiresGrad, using: &rng)
    }
}
