import ArgumentParser
import Foundation
import RuleEngine

/// `cchc sample`: the reproducible draw of units to inspect.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Bốc thăm ngẫu nhiên có thể làm lại các đơn vị để kiểm tra (cùng hạt giống → cùng kết quả).",
        discussion: """
        In hạt giống và các báo cáo được chọn, để bất kỳ ai cũng làm lại được lần bốc thăm.
        Ví dụ: cchc sample --count 3 --seed 20261122 bao-cao/
               cchc sample --count 3 --weighted bao-cao/     (đơn vị có nhiều phát hiện dễ được chọn hơn)
        """)

    @Argument(help: ArgumentHelp("Các tệp hoặc thư mục báo cáo.", valueName: "PATH"))
    var paths: [String]

    @Option(name: .customLong("count"), help: "Số đơn vị cần chọn.")
    var count: Int

    @Option(name: .customLong("seed"), help: "Hạt giống (số nguyên không âm); bỏ trống thì lấy theo đồng hồ và in ra.")
    var seed: UInt64?

    @Flag(name: .customLong("weighted"), help: "Xác suất được chọn tỷ lệ với trọng số 1 + 3 × số lỗi + số cảnh báo của mỗi đơn vị (đơn vị không có phát hiện vẫn có thể được chọn).")
    var weighted = false

    @OptionGroup var sources: RuleSourceOptions

    /// `word` as a POSIX shell reads it back: as it is when it has only safe characters, else in
    /// single quotes (a `'` inside written `'\''`).
    static func shellWord(_ word: String) -> String {
        let safe = !word.isEmpty && word.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./=:,+@%".unicodeScalars.contains($0)
        }
        return safe ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count phải ≥ 1") }
    }

    func run() throws {
        // The config `--config` names is no unit to draw, wherever it lies (as for `check`).
        let (files, missing) = ReportInputs.expand(paths, skipping: sources.configPath.map { [$0] } ?? [])
        for m in missing { Diagnostics.note("\(m.location.file): \(m.explanation)") }
        guard !files.isEmpty else { throw ExitCode(2) }
        let seed = self.seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
        var weights: [String: Double] = [:]
        if weighted {
            let loaded = LoadedRules.load(sources)
            guard loaded.errors.isEmpty else {
                Diagnostics.print(loaded.errors)
                throw ExitCode(2)
            }
            for report in CheckRunner(checker: ReportChecker(rules: loaded.ruleSet)).check(files: files) {
                let score = report.findings.filter(\.counts).reduce(0.0) { $0 + ($1.severity == .error ? 3 : $1.severity == .warning ? 1 : 0) }
                weights[report.file, default: 1] += score
            }
        }
        let chosen = UnitDraw(seed: seed).draw(files, count: count, weights: weights)
        // Everything that changes the draw: the files (the config is none of them) and, weighted,
        // the rules; each word quoted for a POSIX shell when it needs it.
        let replay = ["cchc", "sample", "--count", String(count), "--seed", String(seed)] + (weighted ? ["--weighted"] : [])
            + sources.arguments + paths
        print("Hạt giống: \(seed)  (làm lại: \(replay.map(Self.shellWord).joined(separator: " ")))")
        print("Chọn \(chosen.count) trong \(files.count) báo cáo:")
        for file in chosen { print("  \(file)" + (weighted ? "  (trọng số \(ValueFormatter.number(weights[file] ?? 1, maxFractionDigits: 1)))" : "")) }
    }
}
