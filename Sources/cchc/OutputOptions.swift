import ArgumentParser
import Foundation
import RuleEngine

/// `--format`, `-o`, `--color`, `--quiet`: where each format goes.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Định dạng: text, json, sarif, junit, github, markdown, html. Lặp lại được; mỗi -o sau một --format là tệp của định dạng đó.")
    var formats: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Ghi ra tệp (ghi nguyên tử: tệp tạm rồi đổi tên).", valueName: "FILE"))
    var outputs: [String] = []

    @Flag(name: .customLong("quiet"), help: "Chỉ in các phát hiện, không in tóm tắt.")
    var quiet = false

    func validate() throws {}

    func write(_ data: Data, to path: String) throws {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    func emit(_ run: RunResult) throws {
        for report in run.reports {
            for f in report.findings {
                print("\(f.location): \(f.severity.vietnameseName)[\(f.ruleID)]: \(f.message)\(f.waiver != nil ? " (đã miễn trừ)" : "")")
            }
        }
    }
}
