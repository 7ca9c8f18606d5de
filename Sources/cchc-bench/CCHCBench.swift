import ArgumentParser

/// `cchc-bench`: measures the speed and memory of cchc's components. Each component is one
/// subcommand, so new measurements are added as new `ParsableCommand`s in `subcommands`.
@main
struct CCHCBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc-bench",
        abstract: "Measures the speed and memory of cchc's components. Build with -c release.",
        subcommands: [YAMLBenchmark.self, GenerateCommand.self, CheckBenchmark.self]
    )
}
