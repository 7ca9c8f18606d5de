import ArgumentParser
import Foundation

/// The unit kinds a template exists for.
enum UnitKind: String, ExpressibleByArgument, CaseIterable {
    case commune, district, province, department, school, agency
}

/// `cchc init --kind …`: writes a commented self-report template.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Tạo mẫu báo cáo tự kiểm tra có chú thích cho một loại đơn vị.",
        discussion: """
        Mẫu hợp lệ với lược đồ; dòng đầu trỏ tới lược đồ JSON để trình soạn thảo (YAML language server) gợi ý và kiểm tra khi gõ.
        Ví dụ: cchc init --kind commune -o bao-cao-2025.yaml
        """)

    @Option(name: .customLong("kind"), help: "Loại đơn vị: \(UnitKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: UnitKind

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Tệp cần tạo; - là in ra màn hình.", valueName: "FILE"))
    var output: String = "-"

    @Flag(name: .customLong("force"), help: "Ghi đè tệp đã có.")
    var force = false

    func run() throws {
        guard let rules = ShippedRules.directory else {
            Diagnostics.note("không tìm thấy thư mục Rules/ đi kèm (đặt CCHC_RULES_HOME)")
            throw ExitCode(2)
        }
        let templatePath = (rules as NSString).appendingPathComponent("templates/\(kind.rawValue).yaml")
        guard var text = try? String(contentsOfFile: templatePath, encoding: .utf8) else {
            Diagnostics.note("không đọc được mẫu \(templatePath)")
            throw ExitCode(2)
        }
        if output != "-", FileManager.default.fileExists(atPath: output), !force {
            Diagnostics.note("\(output) đã tồn tại — dùng --force để ghi đè")
            throw ExitCode(2)
        }
        let schema = (rules as NSString).appendingPathComponent("schema/self-report.schema.json")
        let reference = output == "-" ? schema : Self.relativePath(from: (output as NSString).deletingLastPathComponent, to: schema)
        text = text.replacingOccurrences(of: "$schema=../schema/self-report.schema.json", with: "$schema=\(reference)")
        try OutputOptions.write(Data(text.utf8), to: output)
        if output != "-" { Diagnostics.note("đã tạo \(output) (mẫu cho \(kind.rawValue))") }
    }

    /// A relative path from a directory to a file, for the editor's `$schema` reference.
    static func relativePath(from directory: String, to file: String) -> String {
        let base = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.pathComponents
        let target = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        var common = 0
        while common < min(base.count, target.count), base[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }
}
