import ArgumentParser
import Foundation
import RuleEngine

/// swift-argument-parser's help and usage-error texts in Vietnamese: its headings, its two
/// built-in flags' help, and each usage error it words itself ("Missing expected argument",
/// "The value … is invalid for …"). The commands' own help is already Vietnamese. A text the
/// table does not know is left as it is.
enum UsageText {
    /// `text` (as `CCHC.fullMessage(for:)` gives it) with every known English phrase translated.
    static func vietnamese(_ text: String) -> String {
        phrases.reduce(text) { text, phrase in
            phrase.pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: phrase.template)
        }
    }

    /// The message for a usage error, in Vietnamese. A word where only a subcommand can stand
    /// that names none (`cchc frob`, `cchc rules lnit`) is said to be no subcommand, with the
    /// nearest name when one is close; the parser's own words were "Unexpected argument".
    static func message(for error: Error, arguments: [String]) -> String {
        let text = vietnamese(CCHC.fullMessage(for: error))
        guard let unknown = unknownSubcommand(in: arguments) else { return text }
        let usage = text.firstIndex(of: "\n").map { String(text[$0...]) } ?? ""
        return "Lỗi: " + unknown.message + usage
    }

    /// "không có lệnh con 'chek' — ý bạn là 'check'?" when the first argument that is not a
    /// subcommand comes where one is needed (after a command that has subcommands and no default
    /// one) and is no option, with the commands before it (`["rules"]` for `rules lnit`); nil
    /// otherwise.
    static func unknownSubcommand(in arguments: [String]) -> (message: String, parents: [String])? {
        var command: any ParsableCommand.Type = CCHC.self
        for (position, argument) in arguments.enumerated() {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, command.configuration.defaultSubcommand == nil,
                  !argument.hasPrefix("-"), argument != "help" else { return nil }
            let names = subcommands.map { $0.configuration.commandName ?? "" }
            guard let index = names.firstIndex(of: argument) else {
                return ("không có lệnh con '\(argument)'" + Suggestions.phrase(Suggestions.nearest(to: argument, among: names)),
                        Array(arguments[..<position]))
            }
            command = subcommands[index]
        }
        return nil
    }

    /// Ordered: longer sentences before the fragments they contain. `\s+` where the help
    /// generator may have wrapped a line.
    private static let phrases: [(pattern: NSRegularExpression, template: String)] = [
        (#"(?m)^OVERVIEW:"#, "TỔNG QUAN:"),
        (#"(?m)^USAGE:"#, "CÁCH DÙNG:"),
        (#"(?m)^ARGUMENTS:$"#, "THAM SỐ:"),
        (#"(?m)^OPTIONS:$"#, "TÙY CHỌN:"),
        (#"(?m)^SUBCOMMANDS:$"#, "LỆNH CON:"),
        (#"(?m)^Error: "#, "Lỗi: "),
        (#"(?m)^Usage: "#, "Cách dùng: "),
        (#"(?m)^Help:  "#, "Gợi ý:  "),
        (#"Show the version\."#, "In số phiên bản."),
        (#"Show help information\."#, "In hướng dẫn này."),
        (#"\(default:(\s+)"#, "(mặc định:$1"),
        (#"\(values:(\s+)"#, "(giá trị:$1"),
        (#";(\s+)default:"#, ";$1mặc định:"),
        (#"See\s+'([^']*)<subcommand>'\s+for\s+detailed\s+help\."#, "Xem '$1<lệnh con>' để có hướng dẫn chi tiết."),
        (#"See '([^']+)' for more information\."#, "Xem '$1' để biết thêm."),
        (#"The value '(.*)' is invalid for '([^']+)'"#, "giá trị '$1' không hợp lệ cho '$2'"),
        (#"The value '(.*)' is invalid\."#, "giá trị '$1' không hợp lệ."),
        (#"\. Please provide one of the following:"#, ". Hãy chọn một trong:"),
        (#"\. Please provide one of (.*)\."#, ". Hãy chọn một trong $1."),
        (#"' or '"#, "' hoặc '"),
        (#"<subcommand>"#, "<lệnh con>"),
        (#"\[<options>\]"#, "[<tùy chọn>]"),
        (#"Missing expected argument '([^']+)'"#, "thiếu tham số '$1'"),
        (#"Missing one of: "#, "thiếu một trong: "),
        (#"Missing value for '([^']+)'"#, "thiếu giá trị cho '$1'"),
        (#"Unknown option '([^']+)'\. Did you mean '([^']+)'\?"#, "không có tùy chọn '$1'. Ý bạn là '$2'?"),
        (#"Unknown option '([^']+)'"#, "không có tùy chọn '$1'"),
        (#"Unexpected argument '(.*)'"#, "tham số thừa '$1'"),
        (#"(\d+) unexpected arguments: "#, "$1 tham số thừa: "),
        (#"Invalid option: "#, "tùy chọn không hợp lệ: "),
        (#"Missing required subcommand\."#, "thiếu lệnh con."),
        (#"The option '([^']+)' does not take any value, but '(.*)' was specified\."#, "tùy chọn '$1' không nhận giá trị, nhưng đã ghi '$2'."),
        (#"(?m)^\s+or: "#, "  hoặc: "),
        (#" in '([^']+)'$"#, " trong '$1'"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
}
