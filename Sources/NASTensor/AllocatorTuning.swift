import CKernels

/// Process-wide malloc settings for the tensor engine's allocation pattern.
///
/// Every tensor op allocates its result, and most results (a 200 x 1000 activation, a 1000 x 1000
/// gradient) are above glibc's default mmap threshold, so each one is mapped fresh from the kernel
/// and unmapped when freed: page faults and zeroing on every training step (about a tenth of an
/// MLP fit's time, measured as system time in `nasbench predictors --predictors mlp`). Raising the
/// mmap threshold to its maximum and never trimming the heap keeps freed blocks for reuse. The
/// numbers computed are unchanged; the process keeps its peak heap until it exits.
public enum AllocatorTuning {
    /// Applies the settings once; call at the start of an executable. No effect off glibc.
    public static func keepFreedBlocksForReuse() {
        nb_keep_freed_blocks()
    }
}
