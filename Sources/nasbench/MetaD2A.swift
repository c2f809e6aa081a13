import ArgumentParser
import Foundation
import NASDatasets

extension MetaImageSource: ExpressibleByArgument {}

struct MetaD2A: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metad2a",
        abstract: "MetaD2A (issue 17): image sets, the meta-training database, the image encoder, the meta-predictor, the generator, generation.",
        subcommands: [MetaD2AImages.self, MetaD2ABuildDB.self, MetaD2AMerge.self, MetaD2ACombineDB.self, MetaD2ATrainEncoder.self, MetaD2AEncode.self,
                      MetaD2AEncoderReport.self, MetaD2ACalibrate.self, MetaD2ATrainPredictor.self, MetaD2ATrainGenerator.self,
                      MetaD2AGenerate.self, MetaD2ASummarize.self])
}

struct MetaD2AImages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "images",
        abstract: "Load a real image set as MetaD2A's encoder takes it (32x32 RGB) and print its classes and channel statistics.",
        discussion: "Sets: fashion-mnist (Debian dataset-fashion-mnist), digits (scikit-learn's file), cifar10 (--cifar ARCHIVE).")

    @Argument(help: "fashion-mnist, digits or cifar10.")
    var source: MetaImageSource

    @Option(help: "The CIFAR-10 binary archive (for cifar10).")
    var cifar: String?

    func run() throws {
        let set = try source.load(cifar: cifar)
        let (mean, std) = set.channelStatistics()
        print("\(source.rawValue): \(set.count) images, \(set.channels)x\(set.height)x\(set.width), \(set.classNames.count) classes")
        print("class,name,images")
        for (label, count) in set.classCounts().enumerated() { print("\(label),\(set.classNames[label]),\(count)") }
        print("channel mean " + mean.map { String(format: "%.4f", $0) }.joined(separator: " ") + ", std "
              + std.map { String(format: "%.4f", $0) }.joined(separator: " "))
    }
}
