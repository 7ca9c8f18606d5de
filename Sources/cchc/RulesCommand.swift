import ArgumentParser
import Foundation
import RuleEngine

/// `cchc rules …`: tools for rule authors.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Công cụ cho người soạn quy tắc: lint, test, list, doc.",
        subcommands: [RulesLintCommand.self, RulesTestCommand.self, RulesListCommand.self, RulesDocCommand.self])
}

/// Options naming the packs a rules command works on.
struct PackSelection: ParsableArguments {
    @Argument(help: ArgumentHelp("Thư mục bộ quy tắc, hoặc thư mục chứa các bộ (mặc định: các bộ đi kèm và --rules).", valueName: "DIR"))
    var directories: [String] = []

    @OptionGroup var sources: RuleSourceOptions

    func load() -> LoadedRules { LoadedRules.load(sources, explicitDirectories: directories) }
}

/// `cchc rules lint [DIR…]`: every error of every rule, with `file:line:column`.
struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Kiểm tra các bộ quy tắc (cú pháp, khóa lạ, hàm, kiểu, đường dẫn không có trong lược đồ) trước khi dùng.",
        discussion: "Ví dụ: cchc rules lint Rules/   ·   cchc rules lint ~/quy-tac-tinh/")

    @OptionGroup var selection: PackSelection

    func run() throws {
        let loaded = selection.load()
        Diagnostics.print(loaded.errors)
        let ruleCount = loaded.packs.reduce(0) { $0 + $1.rules.count }
        print("\(loaded.packs.count) bộ quy tắc, \(ruleCount) quy tắc, \(loaded.errors.count) lỗi")
        if !loaded.errors.isEmpty { throw ExitCode(2) }
    }
}

/// `cchc rules test [DIR…]`: runs the packs' fixtures.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Chạy các ca kiểm thử (tests/*.yaml) của từng quy tắc: phát hiện đúng, bỏ sót, báo nhầm.",
        discussion: "Ví dụ: cchc rules test Rules/nd30")

    @OptionGroup var selection: PackSelection

    func run() throws {
        let loaded = selection.load()
        if !loaded.errors.isEmpty {
            Diagnostics.print(loaded.errors)
            throw ExitCode(2)
        }
        let report = RuleTestRunner.run(packs: loaded.ruleSet.packs, ruleSet: loaded.ruleSet, options: CheckOptions())
        print(report.text)
        if report.failedCount > 0 || report.results.isEmpty { throw ExitCode(1) }
    }
}

/// `cchc rules list`: the rules of each pack, at the severity the config gives them.
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Liệt kê các quy tắc của từng bộ: mã, mức, tiêu đề.",
        discussion: """
        Mức là mức quy tắc chạy theo cấu hình (--config, hoặc cchc.yaml gần nhất), như cchc check dùng: \
        mức mà mục rules: của cấu hình đặt lại, hoặc "tắt" khi cấu hình tắt quy tắc hay không chọn bộ của nó (packs:). \
        Căn cứ của quy tắc: cchc explain MÃ hoặc cchc rules doc.
        """)

    @OptionGroup var selection: PackSelection

    func run() throws {
        let loaded = selection.load()
        Diagnostics.print(loaded.errors)
        for pack in loaded.packs {
            print("\(pack.id) — \(pack.title) (phiên bản \(pack.version))")
            for rule in pack.rules {
                print("  \(rule.id.padding(toLength: 24, withPad: " ", startingAt: 0)) \(Self.severity(of: rule, loaded).padding(toLength: 8, withPad: " ", startingAt: 0)) \(rule.title)")
            }
        }
        if !loaded.errors.isEmpty { throw ExitCode(2) }
    }

    /// The severity `rule` runs at under the config (its own unless `rules:` re-grades it), or
    /// "tắt" when the config keeps it from running.
    private static func severity(of rule: RuleDefinition, _ loaded: LoadedRules) -> String {
        if loaded.ruleSet.turnedOffRules[rule.id] != nil { return "tắt" }
        return (loaded.config.severities[rule.id].flatMap { $0 } ?? rule.severity).rawValue
    }
}
