import ArgumentParser
import Foundation
import YAML

/// Why a benchmark could not run to the end.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
}

/// `cchc-bench yaml`: libyaml's event parser alone (a) against `YAMLLoader` building trees (b),
/// on the same in-memory bytes of a generated corpus of self-reports; then peak memory when
/// the files are loaded one by one from disk, as `cchc` does.
struct YAMLBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yaml",
        abstract: "Speed of YAMLLoader against bare libyaml events, and its peak memory."
    )

    @Option(help: "Size of the generated corpus, in megabytes (10^6 bytes).")
    var megabytes = 50

    @Option(help: "Folder to write the corpus into (default: a temporary folder, removed afterwards).")
    var dir: String?

    @Option(help: "Size of each generated report, in kilobytes (10^3 bytes); real self-reports are about 5.")
    var fileKilobytes = 5

    @Option(help: "Timed runs of each parser; the median is reported.")
    var runs = 5

    func validate() throws {
        guard megabytes > 0 else { throw ValidationError("--megabytes must be positive") }
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
        guard fileKilobytes > 0 else { throw ValidationError("--file-kilobytes must be positive") }
    }

    func run() throws {
        let directory = try dir ?? Self.makeTemporaryDirectory()
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: directory) } }

        let corpus = try ReportCorpus.generate(in: directory, totalBytes: megabytes * 1_000_000, fileBytes: fileKilobytes * 1_000)
        print("corpus: \(corpus.paths.count) files, \(Measurement.megabytes(corpus.totalBytes)), "
            + "largest file \(corpus.largestBytes) bytes, in \(directory)")

        try measureMemoryFileByFile(corpus)
        try measureSpeed(corpus)
    }

    /// Loads every file from disk, one at a time, keeping nothing. Runs before the corpus is read
    /// into memory, so the growth of the peak RSS is what loading costs: it should follow the
    /// largest file, not the corpus.
    func measureMemoryFileByFile(_ corpus: ReportCorpus) throws {
        let before = Measurement.peakResidentBytes()
        var nodes = 0
        for path in corpus.paths {
            for document in try YAMLLoader().load(contentsOf: path) { nodes += document.nodeCount }
        }
        let after = Measurement.peakResidentBytes()
        print("memory, files loaded one by one from disk (\(nodes) nodes): "
            + "peak RSS \(Self.describe(before)) before, \(Self.describe(after)) after "
            + "(corpus \(Measurement.megabytes(corpus.totalBytes)), largest file \(corpus.largestBytes) bytes)")
    }

    /// Times (a) bare libyaml events and (b) `YAMLLoader`, alternating, on bytes read beforehand.
    func measureSpeed(_ corpus: ReportCorpus) throws {
        let inputs = try corpus.paths.map { try InputFile.read(path: $0, displayName: $0, limit: .max) }
        var eventSeconds: [Double] = [], loaderSeconds: [Double] = []
        var events = 0, nodes = 0
        for _ in 0 ..< runs {
            events = 0
            eventSeconds.append(try Measurement.seconds {
                for (path, bytes) in zip(corpus.paths, inputs) {
                    guard let n = LibYAMLEvents.count(in: bytes) else { throw BenchmarkFailure(description: "libyaml rejected \(path)") }
                    events += n
                }
            })
            nodes = 0
            loaderSeconds.append(try Measurement.seconds {
                for (path, bytes) in zip(corpus.paths, inputs) {
                    for document in try YAMLLoader().load(bytes: bytes, file: path) { nodes += document.nodeCount }
                }
            })
        }
        let a = Measurement.median(eventSeconds), b = Measurement.median(loaderSeconds)
        print("speed, median of \(runs) runs on the corpus in memory:")
        print(Self.line("(a) libyaml events", seconds: a, corpus: corpus) + ", \(events) events")
        print(Self.line("(b) YAMLLoader tree", seconds: b, corpus: corpus) + ", \(nodes) nodes")
        print("  ratio b/a: \(String(format2: b / a)) (target ≤ 1.30)")
        print("memory, whole corpus in memory: peak RSS \(Self.describe(Measurement.peakResidentBytes()))")
    }

    static func line(_ name: String, seconds: Double, corpus: ReportCorpus) -> String {
        let mbPerSecond = Double(corpus.totalBytes) / 1e6 / seconds
        let filesPerSecond = Double(corpus.paths.count) / seconds
        return "  \(name): \(String(format1: mbPerSecond)) MB/s, \(Int(filesPerSecond.rounded())) files/s "
            + "(\(String(format2: seconds * 1000)) ms)"
    }

    static func describe(_ bytes: Int?) -> String {
        bytes.map(Measurement.megabytes) ?? "unknown (no /proc/self/status)"
    }

    /// A new, empty folder under the system's temporary folder.
    static func makeTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-bench-yaml-XXXXXX").path
        var template = Array(path.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BenchmarkFailure(description: "cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }
}
