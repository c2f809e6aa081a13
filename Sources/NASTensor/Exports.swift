// The engine's initialisers take seeded generators from NASCore (SplitMix64), shared with the
// search spaces; users of NASTensor get them with it.
@_exported import NASCore
