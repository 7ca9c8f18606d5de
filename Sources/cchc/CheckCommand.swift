import ArgumentParser
import Foundation
import Reporters
import RuleEngine
import YAML

/// `cchc check PATH…`: checks reports, prints findings, exits 0/1/2.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kiểm tra báo cáo tự kiểm tra (tệp YAML/JSON, thư mục, hoặc - cho đầu vào chuẩn).",
        discussion: """
        Mã thoát: 0 không có phát hiện từ mức --fail-on trở lên; 1 có; 2 lỗi sử dụng, tệp không đọc được hoặc quy tắc hỏng.

        Ví dụ:
          cchc check Reports/examples/
          cchc check bao-cao.yaml --format sarif -o kq.sarif --format text
          cchc check bao-cao/ --baseline baseline.json --fail-on warning
        """)

    @Argument(help: ArgumentHelp("Tệp báo cáo, thư mục (mọi *.yaml, *.yml, *.json bên trong, trừ tệp và thư mục ẩn, tệp cấu hình cchc.yaml/cchc.yml và các tệp chính lần chạy này đọc hoặc ghi: --config, --baseline, --write-baseline, -o), - (đầu vào chuẩn), hoặc tệp Word .docx (kiểm tra thể thức theo nd30).", valueName: "PATH"))
    var paths: [String]

    @OptionGroup var ruleSources: RuleSourceOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("fail-on"), help: "Mức thấp nhất làm lệnh thất bại: error, warning, info, never.")
    var failOn: FailLevel = .error

    @Option(name: .customLong("baseline"), help: ArgumentHelp("Chỉ tính các phát hiện không có trong tệp baseline.", valueName: "FILE"))
    var baselinePath: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Ghi các phát hiện hiện tại thành tệp baseline; chúng được tính là đã có trong baseline (mã thoát như khi kiểm tra với baseline vừa ghi: 0, trừ khi có tệp không đọc được hoặc quy tắc không chạy được — RULE-ERROR không bao giờ vào baseline).", valueName: "FILE"))
    var writeBaselinePath: String?

    @Flag(name: .customLong("baseline-strict"), help: "Thất bại cả khi một phát hiện trong baseline đã hết (để baseline chỉ giảm dần).")
    var baselineStrict = false

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Kiểm tra theo quy định có hiệu lực vào ngày này (YYYY-MM-DD) thay vì năm báo cáo.", valueName: "DATE"))
    var asOf: String?

    @Flag(name: .customLong("timings"), help: "In thời gian chạy của từng quy tắc (chậm nhất trước).")
    var timings = false

    @Flag(name: .customLong("skip-broken-rules"), help: "Vẫn chạy khi có quy tắc hỏng; quy tắc hỏng được báo thành phát hiện RULE-ERROR.")
    var skipBrokenRules = false

    // `.unconditional`: `--rule-timeout -1` and `--jobs -1` reach `validate()` (and its message)
    // instead of being read as an option "-1" and reported as a missing value.
    @Option(name: .customLong("rule-timeout"), parsing: .unconditional, help: ArgumentHelp("Thời gian tối đa (giây) một quy tắc được chạy trên một báo cáo; quá thì dừng và báo RULE-ERROR. 0: không giới hạn.", valueName: "SECONDS"))
    var ruleTimeout: Double = EvaluationBudget.defaultSeconds

    // Optional, so that the help gives the default once, in words, not this machine's count.
    @Option(name: .customLong("jobs"), parsing: .unconditional, help: "Số luồng kiểm tra song song (mặc định: số lõi CPU).")
    var jobs: Int?

    /// `--jobs`, or a thread per core.
    private var concurrency: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    mutating func validate() throws {
        if let asOf, CalendarDate(iso: asOf) == nil {
            throw ValidationError("--as-of phải là ngày dạng YYYY-MM-DD, ví dụ 2025-07-01; nhận '\(asOf)'")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs phải ≥ 1") }
        guard ruleTimeout.isFinite, ruleTimeout >= 0 else { throw ValidationError("--rule-timeout phải là số giây ≥ 0") }
        try output.validate()
        if let writeBaselinePath, let format = output.plan.first(where: { OutputOptions.sameFile($0.destination, writeBaselinePath) })?.format {
            throw ValidationError("--write-baseline và định dạng \(format) cùng ghi vào tệp \(writeBaselinePath); hãy dùng hai tệp khác nhau")
        }
    }

    func run() throws {
        let loaded = LoadedRules.load(ruleSources)
        var usageProblem = false
        var extraFindings: [ReportResult] = []
        if !loaded.errors.isEmpty {
            Diagnostics.print(loaded.errors)
            if skipBrokenRules {
                extraFindings.append(RuleErrorReport.result(for: loaded.errors))
            } else {
                Diagnostics.note("có \(loaded.errors.count) lỗi trong quy tắc/cấu hình — không kiểm tra (dùng --skip-broken-rules để vẫn chạy)")
                throw ExitCode(2)
            }
        }
        let baseline = try baselinePath.map(Self.readBaseline)
        let (files, missing) = ReportInputs.expand(paths, skipping: ownFiles(config: loaded.config))
        let options = CheckOptions(asOf: asOf.flatMap(CalendarDate.init(iso:)), measureTimings: timings, ruleTimeBudget: ruleTimeout)
        let checker = ReportChecker(rules: loaded.ruleSet, options: options)
        // Streamed: memory does not grow with the number of reports (product.md §7). Without a
        // writable temporary folder for the spools, the whole-run path below still works.
        if let writers = streamWriters(rules: loaded.ruleSet.descriptors(on: options.asOf ?? .today)) {
            try stream(to: writers, baseline: baseline, files: files, missing: missing, extra: extraFindings,
                       checker: checker, loaded: loaded, options: options)
        }
        var reports = CheckRunner(checker: checker, translators: ["docx": DocxInput.translator]).check(files: files, concurrency: concurrency)
        reports += missing.map { ReportResult(file: $0.location.file, findings: [BuiltInFindings.finding(for: $0)]) }
        reports += extraFindings
        if files.isEmpty, missing.isEmpty {
            Diagnostics.note("không có tệp báo cáo nào (*.yaml, *.yml, *.json) trong: \(paths.joined(separator: ", "))")
            usageProblem = true
        }
        let resolved = baseline.map { $0.apply(to: &reports) } ?? []
        if let writeBaselinePath {
            var written = Baseline()
            written.adopt(&reports)
            try OutputOptions.write(written.jsonData(), to: writeBaselinePath)
        }
        let day = options.asOf ?? reports.compactMap(\.year).max().map(CalendarDate.lastDay(of:)) ?? .today
        let run = RunResult(toolVersion: CCHC.version, reports: reports, rules: loaded.ruleSet.descriptors(on: day),
                            resolvedBaselineEntries: resolved, comparedWithBaseline: comparesWithBaseline, strictBaseline: baselineStrict)
        try output.emit(run)
        if timings { Diagnostics.printTimings(checker.timings) }
        explainVanishedEntries(resolved)
        throw ExitCode(ExitStatus.code(for: run, failOn: failOn, usageProblem: usageProblem))
    }

    /// The files this run reads or writes besides the reports: a folder being checked may hold
    /// them (`cchc check .` at a repository's root), and they are no reports.
    private func ownFiles(config: Configuration) -> [String] {
        [config.file, baselinePath, writeBaselinePath].compactMap { $0 } + output.plan.map(\.destination).filter { $0 != "-" }
    }

    /// Whether the findings are compared with a baseline: one read (`--baseline`), or the one
    /// written (`--write-baseline`), which every finding is then in.
    private var comparesWithBaseline: Bool { baselinePath != nil || writeBaselinePath != nil }

    /// A writer for each output asked for, or nil when one cannot be made (no writable temporary
    /// folder for its spool).
    private func streamWriters(rules: [RuleDescriptor]) -> [(writer: StreamWriter, destination: String)]? {
        var writers: [(writer: StreamWriter, destination: String)] = []
        for (format, destination) in output.plan {
            guard let writer = try? StreamWriter.forFormat(format, options: output.reportOptions(for: destination), destination: destination,
                                                           rules: rules, comparedWithBaseline: comparesWithBaseline) else { return nil }
            writers.append((writer, destination))
        }
        return writers
    }

    /// The baseline file at `path`; exit 2, before anything is checked, when it cannot be read.
    private static func readBaseline(_ path: String) throws -> Baseline {
        do {
            return try Baseline(jsonData: Data(InputFile.read(path: path, displayName: path, limit: YAMLLimits.default.maxInputBytes)))
        } catch let error as YAMLError {
            Diagnostics.note("không đọc được baseline \(path): \(error.explanation)")
        } catch {
            Diagnostics.note("không đọc được baseline \(path): \(error)")
        }
        throw ExitCode(2)
    }

    /// With `--baseline-strict`, says on standard error why the run fails for baseline entries
    /// that no longer occur: each entry (rule · unit, year or file · path), and how to bring the
    /// baseline up to date. Nothing otherwise.
    private func explainVanishedEntries(_ resolved: [String]) {
        guard baselineStrict, !resolved.isEmpty, let baselinePath else { return }
        Diagnostics.note("--baseline-strict: \(resolved.count) mục trong baseline \(baselinePath) không còn xuất hiện (phát hiện đã được khắc phục):")
        for key in resolved.map(BaselineKey.init) { Diagnostics.write("  " + key.summary) }
        Diagnostics.note("hãy ghi lại baseline cho khớp với các báo cáo hiện nay: chạy lại lệnh với --write-baseline \(baselinePath), rồi lưu tệp mới")
    }
}

extension CheckCommand {
    /// What a worker hands on for one checked file.
    private enum Checked: Sendable {
        /// Each writer's pieces and the exit-code tally, made on the worker.
        case rendered([StreamWriter.Prepared], ExitStatus.Tally)
        /// The reports themselves: a baseline marks (or records) findings in input order, so
        /// their pieces are made as they are delivered.
        case inOrder([ReportResult])
    }

    /// `check …` with only streaming formats: each file's reports are checked and their pieces
    /// made on the workers (with a baseline, as they are delivered in input order), then written
    /// in input order, one `StreamWriter` per format; nothing is kept per report but counts
    /// (and, with `--write-baseline`, the findings' baseline keys). The output is the same bytes
    /// as the whole-run path's. Ends the command with its exit code.
    private func stream(to writers: [(writer: StreamWriter, destination: String)], baseline: Baseline?, files: [String],
                        missing: [YAMLError], extra: [ReportResult], checker: ReportChecker, loaded: LoadedRules,
                        options: CheckOptions) throws -> Never {
        var status = ExitStatus.Tally(failOn: failOn)
        var matching = baseline.map(BaselineMatching.init)
        var recorded = writeBaselinePath.map { _ in Baseline() }
        let inOrder = baseline != nil || writeBaselinePath != nil
        let failOn = failOn
        func deliver(_ reports: [ReportResult]) {
            var reports = reports
            matching?.mark(&reports)
            recorded?.adopt(&reports)
            for (writer, _) in writers { writer.add(writer.prepare(reports)) }
            status.add(ExitStatus.Tally(failOn: failOn, reports))
        }
        let runner = CheckRunner(checker: checker, translators: ["docx": DocxInput.translator],
                                 keepsSourceLines: writers.contains { $0.writer.needsSourceLines })
        runner.check(files: files, concurrency: concurrency, prepare: { reports -> Checked in
            inOrder ? .inOrder(reports) : .rendered(writers.map { $0.writer.prepare(reports) }, ExitStatus.Tally(failOn: failOn, reports))
        }, deliver: { checked in
            switch checked {
            case .inOrder(let reports):
                deliver(reports)
            case .rendered(let pieces, let tally):
                for ((writer, _), prepared) in zip(writers, pieces) { writer.add(prepared) }
                status.add(tally)
            }
        })
        deliver(missing.map { ReportResult(file: $0.location.file, findings: [BuiltInFindings.finding(for: $0)]) } + extra)
        var usageProblem = false
        if files.isEmpty, missing.isEmpty {
            Diagnostics.note("không có tệp báo cáo nào (*.yaml, *.yml, *.json) trong: \(paths.joined(separator: ", "))")
            usageProblem = true
        }
        let resolved = matching?.resolvedEntries ?? []
        if let writeBaselinePath, let recorded {
            try OutputOptions.write(recorded.jsonData(), to: writeBaselinePath)
        }
        let day = options.asOf ?? status.latestYear.map(CalendarDate.lastDay(of:)) ?? .today
        let run = RunResult(toolVersion: CCHC.version, reports: [], rules: loaded.ruleSet.descriptors(on: day),
                            resolvedBaselineEntries: resolved, comparedWithBaseline: comparesWithBaseline, strictBaseline: baselineStrict)
        var unwritten = false
        for (writer, destination) in writers {
            do {
                try writer.finish(run)
            } catch {
                Diagnostics.note("không ghi được \(destination): \(error)")
                unwritten = true
            }
        }
        if unwritten { throw ExitCode(2) }
        if timings { Diagnostics.printTimings(checker.timings) }
        explainVanishedEntries(resolved)
        throw ExitCode(ExitStatus.code(status, resolvedBaselineEntries: resolved, strictBaseline: baselineStrict, usageProblem: usageProblem))
    }
}

/// `--fail-on` levels.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    var threshold: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
    }
}

/// The exit-code policy of product.md §5.
enum ExitStatus {
    /// What the exit code needs to know of some reports, gathered as they stream by.
    struct Tally: Sendable {
        var failOn: FailLevel
        var unreadable = false
        var failing = false
        var latestYear: Int?

        init(failOn: FailLevel, _ reports: [ReportResult] = []) {
            self.failOn = failOn
            for report in reports {
                if let year = report.year { latestYear = max(latestYear ?? year, year) }
                for f in report.findings {
                    if f.ruleID == BuiltInFindings.yamlSyntax.id || f.ruleID == BuiltInFindings.yamlDuplicateKey.id { unreadable = true }
                    if let threshold = failOn.threshold, f.counts, f.severity >= threshold { failing = true }
                }
            }
        }

        mutating func add(_ other: Tally) {
            unreadable = unreadable || other.unreadable
            failing = failing || other.failing
            if let year = other.latestYear { latestYear = max(latestYear ?? year, year) }
        }
    }

    /// The exit code of a run: 2 for an unreadable input or a usage problem, 1 for a finding that
    /// counts at `--fail-on` or above (or, with `--baseline-strict`, a baselined finding gone), else 0.
    static func code(_ tally: Tally, resolvedBaselineEntries: [String], strictBaseline: Bool, usageProblem: Bool) -> Int32 {
        if tally.unreadable || usageProblem { return 2 }
        if tally.failing || (strictBaseline && !resolvedBaselineEntries.isEmpty) { return 1 }
        return 0
    }

    /// The exit code of a whole run, which carries its baseline entries and strictness.
    static func code(for run: RunResult, failOn: FailLevel, usageProblem: Bool) -> Int32 {
        code(Tally(failOn: failOn, run.reports), resolvedBaselineEntries: run.resolvedBaselineEntries,
             strictBaseline: run.strictBaseline, usageProblem: usageProblem)
    }
}

/// Broken rules reported as findings (`--skip-broken-rules`).
enum RuleErrorReport {
    static func result(for errors: [RuleError]) -> ReportResult {
        let d = BuiltInFindings.ruleError
        var result = ReportResult(file: "(quy tắc)", findings: errors.map {
            Finding(ruleID: d.id, severity: .error, title: d.title, message: $0.message, fix: d.fix, area: "rules",
                    location: $0.location, path: $0.ruleID ?? "")
        })
        result.isInput = false
        return result
    }
}
