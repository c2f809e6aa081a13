/// Seeds of independent trials, all derived from one base seed, so that a trial's result
/// depends only on (base seed, trial index) and not on which worker or shard ran it.
public enum TrialSeed {
    /// The seed of trial `trial` under `base` (SplitMix64's finaliser over both; distinct
    /// trials get unrelated streams).
    public static func derive(base: UInt64, trial: Int, stream: UInt64 = 0) -> UInt64 {
        var z = base &+ 0x9E37_79B9_7F4A_7C15 &* (UInt64(trial) &+ 1) &+ stream &* 0xD1B5_4A32_D192_ED03
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
