import ArgumentParser
import Dispatch
import Foundation
import Synchronization
import YAML

/// `cchc-bench check`: on the same generated reports, (1) libyaml event parsing of every file
/// (read from disk, on all cores, building nothing: the floor), (2) the `cchc check` binary with
/// the rule packs it is given, as a subprocess, (2′) the same binary with the report schema and
/// one rule that always holds (what cchc costs before any rule of the packs runs), and (3) `scripts/bench-python-checks.py`, twelve
/// of the shipped checks written the way a user would write them over PyYAML's C loader.
/// Median of several runs; wall time, throughput, peak RSS and CPU use; then the findings of
/// (2) and (3) compared rule by rule, so the race is between programs that find the same things.
struct CheckBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "libyaml events vs `cchc check` vs a Python script of 12 checks, on the same generated reports."
    )

    @Option(help: "Corpus sizes to measure (repeatable).")
    var count: [Int] = [1_000, 10_000]

    @Option(help: "Seed of the generated corpus.")
    var seed: UInt64 = 2022

    @Option(help: "Folder for the corpora (default: a temporary folder, removed afterwards).")
    var dir: String?

    @Option(help: "Timed runs of each contestant; the median is reported.")
    var runs = 5

    @Option(help: "The cchc binary (build it with -c release).")
    var cchc = ".build/release/cchc"

    @Option(name: .customLong("cchc-arg"), parsing: .unconditionalSingleValue, help: "An extra argument for cchc check (repeatable), e.g. --cchc-arg=--rules --cchc-arg=DIR.")
    var cchcArguments: [String] = []

    @Option(help: "The Python contestant; empty to skip it.")
    var python = "scripts/bench-python-checks.py"

    @Option(help: "Workers for the libyaml contestant (default: all cores, as cchc uses).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Size of each generated report, in kilobytes.")
    var fileKilobytes = 5

    @Flag(inversion: .prefixedNo, help: "Also time cchc with the schema and one rule that always holds: its cost before the packs' rules.")
    var schemaOnly = true

    func validate() throws {
        guard runs > 0, jobs > 0, fileKilobytes > 0, !count.isEmpty, count.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--runs, --jobs, --file-kilobytes and --count must be positive")
        }
    }

    struct Row {
        var name: String
        var wall: Double
        /// (user + sys) / wall.
        var cpu: Double
        var peakBytes: Int?
        var note = ""
        /// CPU seconds (user + sys), median of the runs: steadier than wall time on a shared machine.
        var cpuSeconds: Double = 0
    }

    func run() throws {
        guard FileManager.default.isExecutableFile(atPath: cchc) else {
            throw BenchmarkFailure(description: "no cchc binary at \(cchc): run `swift build -c release` first")
        }
        let base = try dir ?? YAMLBenchmark.makeTemporaryDirectory()
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: base) } }
        let schemaOnlyPack = schemaOnly ? try Self.writeSchemaOnlyPack(in: base) : nil
        var rssByCount: [(Int, Int)] = []
        for n in count {
            let folder = base + "/n\(n)"
            try? FileManager.default.removeItem(atPath: folder)
            let corpus = try ReportCorpus.generate(in: folder, count: n, fileBytes: fileKilobytes * 1_000, seed: seed)
            print("\n## N = \(n): \(corpus.paths.count) reports, \(Measurement.megabytes(corpus.totalBytes)), "
                + "mean \(corpus.totalBytes / n) bytes, seed \(seed), median of \(runs) runs, \(jobs) cores\n")
            let rows = try measure(corpus, folder: folder, schemaOnlyPack: schemaOnlyPack)
            printTable(rows, corpus: corpus)
            if let cchcRow = rows.first(where: { $0.name.hasPrefix("(2)") }), let rss = cchcRow.peakBytes { rssByCount.append((n, rss)) }
            try compareFindings(folder: folder)
        }
        if rssByCount.count >= 2, let first = rssByCount.first, let last = rssByCount.last {
            let growth = Double(last.1) / Double(first.1) - 1
            print("\ncchc peak RSS: \(Measurement.megabytes(first.1)) at N = \(first.0), \(Measurement.megabytes(last.1)) at N = \(last.0): "
                + "\(growth >= 0 ? "+" : "")\(String(format1: growth * 100)) % (target: within 10 %)")
        }
    }

    /// A pack of one rule that always holds, for contestant (2′): with `--no-shipped-rules`, cchc
    /// still reads every report, validates it against the report schema and writes its JSON.
    static func writeSchemaOnlyPack(in base: String) throws -> String {
        let pack = base + "/schema-only-pack"
        try FileManager.default.createDirectory(atPath: pack + "/rules", withIntermediateDirectories: true)
        try Data("id: bench-schema-only\ntitle: Chỉ lược đồ\nversion: 1.0.0\n".utf8).write(to: URL(fileURLWithPath: pack + "/pack.yaml"))
        try Data("""
            rules:
              - id: BENCH-ALWAYS-HOLDS
                title: Luôn thỏa
                severity: info
                basis: không có
                description: Quy tắc luôn thỏa, để đo phần việc của cchc ngoài các quy tắc.
                require: "true"
                message: không bao giờ báo
                fix: không có

            """.utf8).write(to: URL(fileURLWithPath: pack + "/rules/always.yaml"))
        return pack
    }

    func measure(_ corpus: ReportCorpus, folder: String, schemaOnlyPack: String?) throws -> [Row] {
        var events: [Double] = [], eventsCPU: [Double] = []
        var eventsSingle: [Double] = []
        var check: [ChildUsage] = [], schemaOnlyCheck: [ChildUsage] = [], script: [ChildUsage] = []
        let checkCommand = [cchc, "check", folder, "--format", "json", "-o", "/dev/null"] + cchcArguments
        let schemaOnlyCommand = schemaOnlyPack.map { [cchc, "check", folder, "--format", "json", "-o", "/dev/null", "--no-shipped-rules", "--rules", $0] }
        let scriptCommand = ["python3", python, folder, "--out", "/dev/null"]
        for _ in 0 ..< runs {
            // Alternate the contestants, so that a busy neighbour slows all of them alike.
            let cpu0 = processCPUSeconds()
            events.append(try Measurement.seconds { try parseAll(corpus.paths, workers: jobs) })
            eventsCPU.append(processCPUSeconds() - cpu0)
            eventsSingle.append(try Measurement.seconds { try parseAll(corpus.paths, workers: 1) })
            let c = try Subprocess.run(checkCommand)
            guard c.status <= 1 else { throw BenchmarkFailure(description: "cchc check exited \(c.status): \(checkCommand.joined(separator: " "))") }
            check.append(c)
            if let command = schemaOnlyCommand {
                let s = try Subprocess.run(command)
                guard s.status <= 1 else { throw BenchmarkFailure(description: "cchc check exited \(s.status): \(command.joined(separator: " "))") }
                schemaOnlyCheck.append(s)
            }
            if !python.isEmpty {
                let p = try Subprocess.run(scriptCommand)
                guard p.status == 0 else { throw BenchmarkFailure(description: "\(python) exited \(p.status)") }
                script.append(p)
            }
        }
        func median(_ usages: [ChildUsage], _ name: String, note: String = "") -> Row {
            let wall = Measurement.median(usages.map(\.wallSeconds))
            return Row(name: name, wall: wall, cpu: Measurement.median(usages.map(\.cpuUtilisation)),
                       peakBytes: usages.map(\.peakResidentBytes).max(), note: note,
                       cpuSeconds: Measurement.median(usages.map { $0.userSeconds + $0.systemSeconds }))
        }
        let eventsWall = Measurement.median(events)
        var rows = [
            Row(name: "(1) libyaml events", wall: eventsWall, cpu: Measurement.median(eventsCPU) / eventsWall,
                peakBytes: nil, note: "in-process, \(jobs) workers; 1 worker: \(String(format2: Measurement.median(eventsSingle))) s",
                cpuSeconds: Measurement.median(eventsCPU)),
            median(check, "(2) cchc check", note: "subprocess, json to /dev/null"),
        ]
        if !script.isEmpty { rows.append(median(script, "(3) Python, 12 checks", note: "PyYAML CSafeLoader, 1 process")) }
        if !schemaOnlyCheck.isEmpty {
            rows.append(median(schemaOnlyCheck, "(2′) cchc, schema only", note: "schema + 1 rule that always holds: cchc before the packs' rules"))
        }
        return rows
    }

    /// Reads every file and runs libyaml's event parser over it, building nothing.
    func parseAll(_ paths: [String], workers: Int) throws {
        let failure = Mutex<String?>(nil)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, paths.count))) { _ in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < paths.count else { return }
                guard let bytes = try? InputFile.read(path: paths[i], displayName: paths[i], limit: 64 << 20),
                      LibYAMLEvents.count(in: bytes) != nil else {
                    failure.withLock { $0 = paths[i] }
                    return
                }
            }
        }
        if let path = failure.withLock({ $0 }) { throw BenchmarkFailure(description: "libyaml could not read \(path)") }
    }

    func printTable(_ rows: [Row], corpus: ReportCorpus) {
        print("| contestant | wall (s) | reports/s | MB/s | peak RSS | CPU (s) | CPU use (user+sys)/wall | note |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for r in rows {
            let perSecond = Double(corpus.paths.count) / r.wall
            let mbPerSecond = Double(corpus.totalBytes) / 1e6 / r.wall
            print("| \(r.name) | \(String(format2: r.wall)) | \(Int(perSecond.rounded())) | \(String(format1: mbPerSecond)) | "
                + "\(r.peakBytes.map(Measurement.megabytes) ?? "—") | \(String(format2: r.cpuSeconds)) | \(String(format2: r.cpu)) | \(r.note) |")
        }
        if rows.count >= 2 {
            print("\nratio 2/1 (cchc check / libyaml events): wall \(String(format2: rows[1].wall / rows[0].wall)), "
                + "CPU \(String(format2: rows[1].cpuSeconds / rows[0].cpuSeconds)) (target ≤ 1.5)")
        }
        if let python = rows.first(where: { $0.name.hasPrefix("(3)") }) {
            print("ratio 3/2 (Python / cchc check): wall \(String(format2: python.wall / rows[1].wall)), "
                + "CPU \(String(format2: python.cpuSeconds / rows[1].cpuSeconds)) (target ≥ 5)")
        }
        if let floor = rows.first(where: { $0.name.hasPrefix("(2′)") }) {
            print("ratio 2′/1 (cchc with no pack rule / libyaml events): wall \(String(format2: floor.wall / rows[0].wall)), "
                + "CPU \(String(format2: floor.cpuSeconds / rows[0].cpuSeconds))")
        }
    }

    /// Runs (2) and (3) once more with their JSON kept and compares the findings of the twelve
    /// rules the script implements, report by report.
    func compareFindings(folder: String) throws {
        guard !python.isEmpty else { return }
        let out = folder + ".findings"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try Subprocess.run([cchc, "check", folder, "--format", "json", "-o", out + "/cchc.json"] + cchcArguments)
        _ = try Subprocess.run(["python3", python, folder, "--out", out + "/python.json"])
        func load(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        }
        // cchc: {reports: [{file, findings: [{rule, path}]}]}; Python: {rules: [...], findings: [{rule, file, path}]}
        guard let cchcJSON = try load(out + "/cchc.json") as? [String: Any], let reports = cchcJSON["reports"] as? [[String: Any]],
              let pyJSON = try load(out + "/python.json") as? [String: Any], let rules = pyJSON["rules"] as? [String],
              let pyFindings = pyJSON["findings"] as? [[String: Any]] else {
            throw BenchmarkFailure(description: "unexpected JSON from cchc or the Python script")
        }
        var cchcKeys: [String: Set<String>] = [:], pyKeys: [String: Set<String>] = [:]
        for report in reports {
            let file = report["file"] as? String ?? ""
            for f in report["findings"] as? [[String: Any]] ?? [] {
                guard let rule = f["rule"] as? String, rules.contains(rule) else { continue }
                cchcKeys[rule, default: []].insert(file + "\t" + (f["path"] as? String ?? ""))
            }
        }
        for f in pyFindings {
            guard let rule = f["rule"] as? String else { continue }
            pyKeys[rule, default: []].insert((f["file"] as? String ?? "") + "\t" + (f["path"] as? String ?? ""))
        }
        print("\nfindings of the 12 checks, cchc vs Python (same file and path):")
        print("| rule | cchc | Python | only cchc | only Python |")
        print("| --- | ---: | ---: | ---: | ---: |")
        var disagreements: [String] = []
        for rule in rules {
            let c = cchcKeys[rule] ?? [], p = pyKeys[rule] ?? []
            let onlyC = c.subtracting(p), onlyP = p.subtracting(c)
            print("| \(rule) | \(c.count) | \(p.count) | \(onlyC.count) | \(onlyP.count) |")
            if let e = onlyC.sorted().first { disagreements.append("\(rule) only cchc: \(e.replacingOccurrences(of: "\t", with: " "))") }
            if let e = onlyP.sorted().first { disagreements.append("\(rule) only Python: \(e.replacingOccurrences(of: "\t", with: " "))") }
        }
        for d in disagreements.prefix(12) { print("  e.g. \(d)") }
    }
}
