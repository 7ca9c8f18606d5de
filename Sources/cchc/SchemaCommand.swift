import ArgumentParser
import Foundation
import RuleEngine

/// `cchc schema`: the report format's JSON Schema, for editors (YAML language server).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "In lược đồ JSON của định dạng báo cáo (để trình soạn thảo gợi ý và kiểm tra khi gõ).",
        discussion: "Ví dụ: cchc schema > self-report.schema.json")

    func run() throws {
        guard let rules = ShippedRules.directory else {
            Diagnostics.note("không tìm thấy thư mục Rules/ đi kèm (đặt CCHC_RULES_HOME)")
            throw ExitCode(2)
        }
        do {
            print(try ReportSchema.load(path: (rules as NSString).appendingPathComponent("schema/self-report.schema.yaml")).jsonText(), terminator: "")
        } catch {
            Diagnostics.note("không đọc được lược đồ: \(error)")
            throw ExitCode(2)
        }
    }
}
