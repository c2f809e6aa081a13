import ArgumentParser
import NASConet

struct Conet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conet",
        abstract: "CONetV2 channel-size search: dependency groups, the search, training at given widths.",
        subcommands: [ConetDeps.self, ConetSearchCommand.self, ConetTrainCommand.self, ConetWidthsCommand.self, ConetReportCommand.self])
}

struct ConetDeps: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deps",
        abstract: "Print a network's dependency groups: channel counts that must stay equal (union-find on its graph).",
        discussion: """
            A convolution's output and its consumers' inputs form a group; outputs meeting at a residual add share \
            one. The classifier is left out. Models: resnet20, resnet32, resnet34 (the authors' CIFAR ResNet-34: \
            20 groups), nb201 (the best CIFAR-10 cell) or nb201:CELL.
            """)

    @Argument(help: "resnet20, resnet32, resnet34, nb201 or nb201:CELL.")
    var model: String

    func run() throws {
        let (graph, widths) = try ChannelGraph.model(named: model)
        let groups = graph.dependencyGroups()
        let cost = try graph.cost(widths: widths, imageSize: 32)
        print("\(model): \(groups.count) dependency groups; at the standard widths \(cost.parameters) parameters, "
              + "\(cost.macs) multiply-accumulates for a 32x32 image")
        print("group,width,produced_by,consumed_by")
        for (index, (group, width)) in zip(groups, widths).enumerated() {
            print("\(index),\(width),\(group.producers.joined(separator: " ")),\(group.consumers.joined(separator: " "))")
        }
    }
}
