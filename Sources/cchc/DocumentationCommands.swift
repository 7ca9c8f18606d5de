import ArgumentParser
import Foundation
import Reporters
import RuleEngine

/// `cchc rules doc`: the Markdown catalogue of every rule.
struct RulesDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "In danh mục quy tắc (Markdown): mã, mức, tiêu đề, căn cứ, nội dung, tham số, ví dụ vi phạm.",
        discussion: "Ví dụ: cchc rules doc > Rules/CATALOG.md")

    @OptionGroup var selection: PackSelection

    func run() throws {
        let loaded = selection.load()
        Diagnostics.print(loaded.errors)
        var fixtures: [String: [FixtureCase]] = [:]
        for pack in loaded.packs { fixtures[pack.id] = RuleTestRunner.fixtures(of: pack) }
        print(RuleDocumentation.markdown(packs: loaded.packs, fixtures: fixtures), terminator: "")
        if !loaded.errors.isEmpty { throw ExitCode(2) }
    }
}

/// `cchc explain RULE-ID`: what a rule checks, why, and how to fix it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Giải thích một quy tắc: căn cứ, nội dung kiểm tra, cách sửa, ví dụ.",
        discussion: "Ví dụ: cchc explain ND30-MARGINS")

    @Argument(help: ArgumentHelp("Mã quy tắc, ví dụ ND30-FONT.", valueName: "RULE-ID"))
    var ruleID: String

    @OptionGroup var sources: RuleSourceOptions

    func run() throws {
        let loaded = LoadedRules.load(sources)
        let id = ruleID.uppercased()
        for pack in loaded.packs {
            if let rule = pack.rules.first(where: { $0.id == id }) {
                print(RuleDocumentation.section(rule, pack: pack, fixtures: RuleTestRunner.fixtures(of: pack), forTerminal: true), terminator: "")
                return
            }
        }
        let builtIn = BuiltInFindings.descriptors + (loaded.ruleSet.descriptors(on: .today))
        if let d = builtIn.first(where: { $0.id == id }) {
            print("### \(d.id)\n\n**\(d.title)** — mức \(d.severity.rawValue) (\(d.severity.vietnameseName)), kiểm tra có sẵn của cchc\n")
            if let help = d.help { print(help + "\n") }
            if let basis = d.basis { print("- Căn cứ: \(basis)") }
            if let fix = d.fix { print("- Cách sửa: \(fix)") }
            return
        }
        let all = loaded.packs.flatMap { $0.rules.map(\.id) } + builtIn.map(\.id)
        Diagnostics.note("không có quy tắc '\(ruleID)'" + Suggestions.phrase(Suggestions.nearest(to: id, among: all)))
        throw ExitCode(2)
    }
}
