import NASCore

extension Tensor {
    /// `KL(N(mean, diag(exp(logVariance))) || N(0, I))` summed over every element:
    /// `-0.5 * sum(1 + logVariance - mean^2 - exp(logVariance))` (Kingma & Welling 2014,
    /// appendix B; the `kld` of MetaD2A's generator/model.py). Composed, so the gradient reaches
    /// both inputs: `mean` for the mean, `0.5 * (exp(logVariance) - 1)` for the log-variance.
    ///
    /// - Precondition: the two shapes are equal.
    public static func gaussianKLDivergence(mean: Tensor, logVariance: Tensor) -> Tensor {
        precondition(mean.shape == logVariance.shape,
                     "gaussianKLDivergence: mean \(mean.shape) and logVariance \(logVariance.shape) differ")
        return ((1 + logVariance) - mean.square() - logVariance.exp()).sum() * -0.5
    }

    /// The reparameterised sample `mean + (noiseScale * noise) * exp(0.5 * logVariance)` for given
    /// standard-normal `noise` (composed; gradients reach `mean` and `logVariance`, not `noise`).
    ///
    /// - Precondition: the three shapes are equal.
    public static func reparameterized(mean: Tensor, logVariance: Tensor, noise: Tensor, noiseScale: Float) -> Tensor {
        precondition(mean.shape == logVariance.shape && mean.shape == noise.shape,
                     "reparameterized: mean \(mean.shape), logVariance \(logVariance.shape) and noise \(noise.shape) differ")
        let scaled = Tensor(shape: noise.shape, data: Kernels.map(noise.data) { $0 * noiseScale })
        return mean + scaled * (logVariance * 0.5).exp()
    }

    /// The reparameterised sample with noise drawn from `rng`: one ``RandomNumberGenerator/nextNormal()``
    /// per element in row-major order (``randomNormal(_:std:requiresGrad:using:)``), then
    /// ``reparameterized(mean:logVariance:noise:noiseScale:)``.
    ///
    /// `noiseScale` multiplies the standard normal: 1 for the textbook `z = mu + eps * sigma`;
    /// MetaD2A's `reparameterize` uses `eps_scale=0.01` (generator/model.py).
    public static func reparameterized(mean: Tensor, logVariance: Tensor, noiseScale: Float,
                                       using rng: inout some RandomNumberGenerator) -> Tensor {
        let noise = randomNormal(mean.shape, using: &rng)
        return reparameterized(mean: mean, logVariance: logVariance, noise: noise, noiseScale: noiseScale)
    }
}
