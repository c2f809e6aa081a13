extension Tensor {
    /// Layer normalisation over the last axis, as `torch.nn.functional.layer_norm` with
    /// `normalized_shape = [shape.last]`: `(x - mean) / sqrt(var + eps) * weight + bias`, with the
    /// biased variance. Composed from mean, square, sqrt and division, so gradients reach every
    /// input.
    ///
    /// - Precondition: `weight` and `bias`, when given, have the shape `[shape.last]`.
    public func layerNorm(weight: Tensor?, bias: Tensor?, epsilon: Float = 1e-5) -> Tensor {
        precondition(rank >= 1 && shape[rank - 1] > 0, "layerNorm: needs a non-empty last axis, got shape \(shape)")
        let features = [shape[rank - 1]]
        precondition((weight?.shape ?? features) == features && (bias?.shape ?? features) == features,
                     "layerNorm: weight \(weight?.shape ?? []) and bias \(bias?.shape ?? []) must be \(features) for input \(shape)")
        let centred = self - mean(axes: [-1], keepDims: true)
        let variance = centred.square().mean(axes: [-1], keepDims: true)
        var y = centred / (variance + epsilon).sqrt()
        if let weight { y = y * weight }
        if let bias { y = y + bias }
        return y
    }
}
