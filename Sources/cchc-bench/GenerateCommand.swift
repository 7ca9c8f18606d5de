import ArgumentParser
import Foundation

/// `cchc-bench generate`: writes a corpus of realistic self-reports (see `ReportGenerator`),
/// deterministic from the seed, for benchmarks and for trying cchc on many units.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Writes N realistic self-reports (deterministic from --seed) into a folder.",
        discussion: "Example: cchc-bench generate --count 1000 --seed 7 --out /tmp/bao-cao"
    )

    @Option(help: "How many reports.")
    var count: Int

    @Option(help: "Seed of the draw: the same seed writes the same bytes.")
    var seed: UInt64 = 2022

    @Option(help: "Folder to write into (created if needed; bao-cao-NNNNNN.yaml files in it are overwritten).")
    var out: String

    @Option(help: "Size of each report, in kilobytes (10^3 bytes); real self-reports are about 5.")
    var fileKilobytes = 5

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be positive") }
        guard fileKilobytes > 0 else { throw ValidationError("--file-kilobytes must be positive") }
    }

    func run() throws {
        let start = Measurement.now()
        let corpus = try ReportCorpus.generate(in: out, count: count, fileBytes: fileKilobytes * 1_000, seed: seed)
        print("\(corpus.paths.count) reports, \(Measurement.megabytes(corpus.totalBytes)) "
            + "(mean \(corpus.totalBytes / max(1, corpus.paths.count)) bytes, largest \(corpus.largestBytes)), seed \(seed), "
            + "in \(out) (\(String(format2: Measurement.now() - start)) s)")
    }
}
