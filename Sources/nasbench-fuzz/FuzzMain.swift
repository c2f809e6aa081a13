// nasbench-fuzz: the parsers of outside input under libFuzzer, or their corpora replayed.
//
//   nasbench-fuzz --list
//   nasbench-fuzz --target=TARGET FILE_OR_FOLDER...          replay inputs (the ordinary build)
//   nasbench-fuzz --target=TARGET [libFuzzer flags] [CORPUS]  fuzz (the build `make fuzz` makes,
//                                                            with -sanitize=fuzzer,address and
//                                                            -D NASBENCH_LIBFUZZER)
// libFuzzer ignores flags that start with "--", so one `--target=` serves both builds.
import Foundation
import NASFuzz

enum FuzzCommandLine {
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("nasbench-fuzz: error: \(message)\n".utf8))
        exit(64)
    }

    /// The target named by `--target=NAME`; nil for `--list`.
    static func target(in arguments: [String]) -> FuzzTarget? {
        if arguments.contains("--list") { return nil }
        guard let flag = arguments.first(where: { $0.hasPrefix("--target=") }) else {
            fail("give --target=NAME (one of \(FuzzTarget.names)) or --list")
        }
        let name = String(flag.dropFirst("--target=".count))
        guard let target = FuzzTarget(rawValue: name) else { fail("unknown target '\(name)'; targets: \(FuzzTarget.names)") }
        return target
    }

    static func list() -> Never {
        for target in FuzzTarget.allCases { print("\(target.rawValue)\t\(target.summary)") }
        exit(0)
    }
}

#if NASBENCH_LIBFUZZER
nonisolated(unsafe) private var selected = FuzzTarget.nb201Cell

/// The entry libFuzzer calls per input (exported under its C name too, for the libFuzzer runtime's
/// own references).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

@main
enum FuzzMain {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let target = FuzzCommandLine.target(in: arguments) else { FuzzCommandLine.list() }
        #if NASBENCH_LIBFUZZER
        selected = target
        var cArguments: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) } + [nil]
        var argc = CInt(CommandLine.arguments.count)
        let status = cArguments.withUnsafeMutableBufferPointer { buffer -> CInt in
            var argv = buffer.baseAddress
            return LLVMFuzzerRunDriver(&argc, &argv, fuzzerTestOneInput)
        }
        exit(status)
        #else
        let paths = arguments.filter { !$0.hasPrefix("-") }
        do {
            let replayed = try FuzzCorpus.replay(target, paths: paths)
            print("\(target.rawValue): \(replayed) inputs replayed, no findings")
        } catch {
            FuzzCommandLine.fail("\(error)")
        }
        #endif
    }
}
