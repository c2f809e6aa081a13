// swift-tools-version:6.0
import PackageDescription

// Targets depend one way (docs/ARCHITECTURE.md):
//   C shims (CHDF5, CArchive, COpenBLAS, CDNNL)
//   NASCore (seeded randomness), NASHDF5 (storage)                     -- shared utilities
//   NASTensor (engine), NASSpaces (search spaces)                      -- bottom
//   NASTensorState (module state files: engine + storage)
//   NASOracle (tabular benchmarks)                                    -- on spaces + storage
//   NASPredictors (performance predictors, ranking metrics)           -- on spaces (+ engine)
//   NASEvaluators (NB201 networks, random-weight evaluation, proxies) -- on engine + spaces + datasets
//   NASConet (CONetV2: EVBMF, metric, groups, networks, search)       -- on engine + spaces + datasets
//   NASMetaD2A (MetaD2A: graph encoding, set encoder, generator, predictor) -- on engine + spaces
//   NASSearch (search strategies)                                     -- on oracle + spaces (+ predictors)
//   NASExperiments (seeded, resumable runs)                           -- on all of the above (MetaD2A too)
//   nasbench (thin CLI)                                               -- on top
//   NASFuzz + nasbench-fuzz (parsers under libFuzzer)                 -- beside the CLI
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "nasbench",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nasbench", targets: ["nasbench"]),
        .library(name: "NASOracle", targets: ["NASOracle"]),
        .library(name: "NASSpaces", targets: ["NASSpaces"]),
        .library(name: "NASPredictors", targets: ["NASPredictors"]),
        .library(name: "NASSearch", targets: ["NASSearch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CHDF5", pkgConfig: "hdf5",
            providers: [.apt(["libhdf5-dev"]), .brew(["hdf5"])]),
        .systemLibrary(
            name: "CArchive", pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"]), .brew(["libarchive"])]),
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        // oneDNN (convolution, pooling, batch norm kernels). Debian's libdnnl-dev ships no .pc file:
        // the module map links "dnnl" and includes <dnnl.h> from /usr/include.
        .systemLibrary(name: "CDNNL", providers: [.apt(["libdnnl-dev"])]),

        .target(name: "NASHDF5", dependencies: ["NASCore", "CHDF5"]),
        .target(name: "NASCore"),
        .target(name: "NASDatasets", dependencies: ["NASCore", "CArchive", "CZlib"]),
        // Numeric code is compiled optimised even in debug builds, so that tests that train
        // networks or forests run in seconds under `swift test`.
        // Element-wise C kernels, vectorised (-fno-math-errno: see ckernels.h); -O2 in debug builds too.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2", "-fno-math-errno", "-ffp-contract=off"])]),
        .target(
            name: "NASTensor", dependencies: ["NASCore", "COpenBLAS", "CKernels", "CDNNL"],
            swiftSettings: optimisedInDebug),
        // Saving and loading module state (HDF5) beside the engine, not in it.
        .target(name: "NASTensorState", dependencies: ["NASTensor", "NASHDF5"]),
        .target(
            name: "NASSpaces",
            dependencies: ["NASCore", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "NASOracle",
            dependencies: [
                "NASCore", "NASSpaces", "NASHDF5",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "NASPredictors", dependencies: ["NASCore", "NASSpaces", "NASTensor"], swiftSettings: optimisedInDebug),
        .target(
            name: "NASEvaluators", dependencies: ["NASTensor", "NASSpaces", "NASDatasets"], swiftSettings: optimisedInDebug),
        // CONetV2 (channel-size search): EVBMF, the layer quality metric, dependency groups.
        .target(name: "NASConet", dependencies: ["NASCore", "NASTensor", "NASSpaces", "NASDatasets"], swiftSettings: optimisedInDebug),
        // MetaD2A (Lee, Hyung, Hwang, ICLR 2021): NB201 cells as 8-node graphs, set encoder, graph VAE, meta-predictor.
        .target(name: "NASMetaD2A", dependencies: ["NASCore", "NASTensor", "NASSpaces"], swiftSettings: optimisedInDebug),
        .target(name: "NASSearch", dependencies: ["NASCore", "NASOracle", "NASSpaces", "NASPredictors"]),
        .target(
            name: "NASExperiments",
            dependencies: [
                "NASOracle", "NASSpaces", "NASSearch", "NASPredictors", "NASEvaluators", "NASDatasets", "NASConet", "NASMetaD2A", "NASTensorState",
                "NASHDF5", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .executableTarget(
            name: "nasbench",
            dependencies: [
                "NASOracle", "NASSpaces", "NASSearch", "NASExperiments", "NASPredictors", "NASEvaluators", "NASDatasets",
                "NASTensor", "NASConet", "NASMetaD2A", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The parsers of outside input under libFuzzer (`make fuzz`, docs/RELIABILITY.md).
        .target(
            name: "NASFuzz",
            dependencies: ["NASExperiments", "NASOracle", "NASSpaces", "NASSearch", "NASPredictors", "NASDatasets", "NASHDF5", "CHDF5"]),
        .executableTarget(name: "nasbench-fuzz", dependencies: ["NASFuzz"], path: "Sources/nasbench-fuzz"),
        .executableTarget(
            name: "nasbench-bench",
            dependencies: ["NASOracle", "NASSpaces", "NASPredictors", "NASTensor"],
            path: "Sources/nasbench-bench"),
        .executableTarget(
            name: "tensor-bench", dependencies: ["NASTensor", "NASDatasets", "NASEvaluators", "NASSpaces", "NASConet", "COpenBLAS"],
            path: "Sources/tensor-bench"),
        .executableTarget(
            name: "nasbench-predictors-bench",
            dependencies: ["NASPredictors", "NASOracle", "NASSpaces", "NASTensor"],
            path: "Sources/nasbench-predictors-bench"),

        .target(name: "TestSupport", dependencies: ["NASOracle", "NASSpaces"], path: "Tests/TestSupport"),
        .testTarget(name: "NASSpacesTests", dependencies: ["NASSpaces", "TestSupport"]),
        .testTarget(name: "NASDatasetsTests", dependencies: ["NASDatasets", "TestSupport"]),
        .testTarget(name: "NASTensorTests", dependencies: ["NASTensor", "NASTensorState", "NASDatasets", "TestSupport"]),
        .testTarget(
            name: "NASOracleTests", dependencies: ["NASOracle", "NASHDF5", "TestSupport"],
            exclude: ["Fixtures"]),  // tfrecord files read by path (tools/reference/nb101_tfrecord_fixtures.py)
        .testTarget(name: "NASExperimentsTests", dependencies: ["NASExperiments", "NASMetaD2A", "NASOracle", "NASTensor", "NASPredictors", "NASDatasets", "NASSpaces", "NASHDF5", "TestSupport"]),
        .testTarget(name: "NASEvaluatorsTests", dependencies: ["NASEvaluators", "NASOracle", "TestSupport"]),
        .testTarget(name: "NASSearchTests", dependencies: ["NASSearch", "NASOracle", "NASSpaces", "TestSupport"]),
        .testTarget(name: "NASConetTests", dependencies: ["NASConet", "NASTensor", "NASEvaluators", "NASSpaces", "NASCore", "NASDatasets", "TestSupport"]),
        .testTarget(name: "NASMetaD2ATests", dependencies: ["NASMetaD2A", "NASTensor", "NASTensorState", "NASSpaces", "NASCore", "TestSupport"]),
        .testTarget(name: "NASFuzzTests", dependencies: ["NASFuzz", "NASOracle"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "NASOracle", "NASHDF5"]),
        .testTarget(name: "NASPredictorsTests", dependencies: ["NASPredictors", "NASOracle", "NASSpaces", "TestSupport"]),
    ]
)
