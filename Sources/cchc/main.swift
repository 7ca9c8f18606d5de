import ArgumentParser
import Foundation

/// `cchc` — checks CCHC self-reports of Vietnamese public units against YAML rule packs.
struct CCHC: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "cchc",
        abstract: "Kiểm tra báo cáo tự kiểm tra công tác cải cách hành chính (CCHC) theo bộ quy tắc YAML.",
        discussion: """
        Ví dụ:
          cchc check Reports/examples/            kiểm tra mọi báo cáo trong thư mục
          cchc check bao-cao.yaml --format sarif -o kq.sarif
          cchc rules lint Rules/                 kiểm tra cú pháp các bộ quy tắc
          cchc rules test Rules/                 chạy các ca kiểm thử của quy tắc
        """,
        version: version,
        subcommands: [CheckCommand.self, InitCommand.self, RulesCommand.self, ExplainCommand.self, SampleCommand.self, SchemaCommand.self, ExtractCommand.self]
    )
}

// Usage errors (unknown option, missing path, bad value) exit 2 as product.md §5 says, not
// ArgumentParser's 64; help and version exit 0, and the commands' own exit codes are unchanged.
// What ArgumentParser words itself is said in Vietnamese (UsageText).
// `cchc help frob` printed the root help and exited 0: the command `help` names must exist.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "help", let unknown = UsageText.unknownSubcommand(in: Array(arguments.dropFirst())) {
    let parent = (["cchc"] + unknown.parents).joined(separator: " ")
    FileHandle.standardError.write(Data("Lỗi: \(unknown.message)\nXem '\(parent) --help' để biết thêm.\n".utf8))
    CCHC.exit(withError: ExitCode(2))
}
do {
    var command = try CCHC.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    CCHC.exit(withError: code)
} catch {
    let text = UsageText.message(for: error, arguments: arguments)
    let code = CCHC.exitCode(for: error)
    if code == .success {
        print(text)
        CCHC.exit()
    }
    FileHandle.standardError.write(Data((text + "\n").utf8))
    CCHC.exit(withError: ExitCode(code == .validationFailure ? 2 : code.rawValue))
}
