import ArgumentParser
import Foundation
@preconcurrency import Glibc
import Reporters
import RuleEngine

/// When to colour text output.
enum ColorMode: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// `--format`, `-o`, `--color`, `--quiet`: which formats are produced and where each goes.
/// Several formats at once: each `-o FILE` belongs to the `--format` before it
/// (`--format sarif -o a.sarif --format text` writes SARIF to a.sarif and text to the terminal).
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp("Định dạng: \(ReporterRegistry.formats.joined(separator: ", ")). Lặp lại được.", valueName: "FORMAT"))
    var formats: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Ghi định dạng đứng trước ra tệp (ghi nguyên tử: tệp tạm rồi đổi tên; - là đầu ra chuẩn).", valueName: "FILE"))
    var outputs: [String] = []

    @Option(name: .customLong("color"), help: "Tô màu: auto (chỉ khi ra màn hình, tôn trọng NO_COLOR), always, never.")
    var color: ColorMode = .auto

    @Flag(name: .customLong("quiet"), help: "Chỉ in các phát hiện, không in mã nguồn và tóm tắt.")
    var quiet = false

    @Flag(name: .customLong("timestamp"), help: "Ghi thời điểm lập báo cáo (giờ UTC) vào đầu ra: generated_at của JSON, timestamp và thời gian kiểm tra (time) của JUnit, dòng đầu Markdown/HTML. Mặc định không ghi, để cùng đầu vào cho cùng đầu ra.")
    var timestamp = false

    /// The moment the run's outputs are dated with (`--timestamp`): one for every format.
    private static let runStart = Date()

    /// Each requested format with its destination (`-` = standard output).
    var plan: [(format: String, destination: String)] {
        Self.pair(arguments: Array(CommandLine.arguments.dropFirst()), formats: formats, outputs: outputs)
    }

    /// Pairs formats with outputs in the order they were written on the command line.
    static func pair(arguments: [String], formats: [String], outputs: [String]) -> [(format: String, destination: String)] {
        var plan: [(String, String?)] = []
        var i = 0, nextFormat = 0, nextOutput = 0
        while i < arguments.count {
            let a = arguments[i]
            let isFormat = a == "--format" || a.hasPrefix("--format=")
            let isOutput = a == "-o" || a == "--output" || a.hasPrefix("--output=") || (a.hasPrefix("-o") && a.count > 2 && !a.hasPrefix("--"))
            if isFormat, nextFormat < formats.count {
                plan.append((formats[nextFormat], nil))
                nextFormat += 1
            } else if isOutput, nextOutput < outputs.count {
                if let last = plan.indices.last, plan[last].1 == nil { plan[last].1 = outputs[nextOutput] } else { plan.append(("text", outputs[nextOutput])) }
                nextOutput += 1
            }
            i += (a.contains("=") || (isOutput && a.count > 2 && !a.hasPrefix("--"))) ? 1 : (isFormat || isOutput ? 2 : 1)
        }
        if plan.isEmpty { plan = [("text", nil)] }
        return plan.map { ($0.0, $0.1 ?? "-") }
    }

    func validate() throws {
        for f in formats where ReporterRegistry.reporter(for: f) == nil {
            throw ValidationError("định dạng '\(f)' không có; chọn một trong: \(ReporterRegistry.formats.joined(separator: ", "))")
        }
        let toStdout = plan.filter { $0.destination == "-" }
        if toStdout.count > 1 {
            throw ValidationError("chỉ một định dạng được in ra màn hình; dùng -o FILE cho các định dạng khác")
        }
        for (i, later) in plan.enumerated() where later.destination != "-" {
            if let earlier = plan[..<i].first(where: { Self.sameFile($0.destination, later.destination) }) {
                throw ValidationError("hai định dạng \(earlier.format) và \(later.format) cùng ghi vào tệp \(later.destination); mỗi định dạng cần một tệp -o riêng")
            }
        }
        if outputs.count > max(formats.count, 1) {
            throw ValidationError("có nhiều -o hơn --format: mỗi -o thuộc về --format đứng trước nó")
        }
    }

    /// Whether text to standard output should be coloured.
    var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        }
    }

    /// How a format written to `destination` is presented: colour only on a terminal.
    func reportOptions(for destination: String) -> ReportOptions {
        ReportOptions(color: destination == "-" && useColor, quiet: quiet, showSource: !quiet,
                      generatedAt: timestamp ? Self.runStart : nil)
    }

    /// Renders and writes every requested format.
    func emit(_ run: RunResult) throws {
        for (format, destination) in plan {
            guard let reporter = ReporterRegistry.reporter(for: format) else { continue }
            var text = reporter.render(run, options: reportOptions(for: destination))
            if !text.hasSuffix("\n"), !text.isEmpty { text += "\n" }
            try Self.write(Data(text.utf8), to: destination)
        }
    }

    /// Whether two output paths name the same file: relative to the current directory,
    /// `.`/`..` and symbolic links resolved as far as they exist. `-` is no file.
    static func sameFile(_ a: String, _ b: String) -> Bool {
        guard a != "-", b != "-" else { return false }
        func canonical(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return canonical(a) == canonical(b)
    }

    /// Writes atomically to a file, or to standard output for `-`; exit 2 when it cannot.
    static func write(_ data: Data, to path: String) throws {
        do {
            try AtomicFileWriter.write(data, to: path)
        } catch {
            Diagnostics.note("không ghi được \(path): \(error)")
            throw ExitCode(2)
        }
    }
}
