import ArgumentParser
import DocxReader
import RuleEngine
import YAML

/// `cchc extract FILE.docx`: what cchc reads from a Word file, as a `documents[]` entry.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "In các thông tin thể thức đọc được từ tệp .docx, dạng một mục documents[] để dán vào báo cáo.",
        discussion: "Ví dụ: cchc extract van-ban/cv-112.docx")

    @Argument(help: ArgumentHelp("Tệp Word (.docx).", valueName: "FILE"))
    var files: [String]

    @Flag(name: .customLong("provenance"), help: "In kèm (dạng chú thích) đoạn văn nơi đọc được từng thông tin.")
    var provenance = false

    func run() throws {
        var failed = false
        for file in files {
            switch DocxInput.read(file) {
            case .success(let read):
                print("# \(file)")
                let entry = read.document.yamlText()
                print(entry, terminator: "")
                if provenance {
                    // Only the fields the entry writes (the reader also notes facts the report
                    // format has no field for, such as paragraph spacing).
                    let written = Self.item(of: entry)
                    for (field, p) in read.document.provenance.sorted(by: { $0.key < $1.key })
                    where written.map({ ReportPath.node(at: field, from: $0.node, in: $0.document) != nil }) ?? true {
                        print("#   \(field): " + (p.paragraph.map { "đoạn \($0 + 1)" } ?? p.part) + " «\(p.excerpt)»")
                    }
                }
            case .failure(let error):
                Diagnostics.write("\(file): lỗi: \(error.message)")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// The entry `yamlText()` wrote (a one-item list), read back.
    private static func item(of entry: String) -> (document: YAMLDocument, node: NodeID)? {
        guard let document = try? YAMLLoader().load(bytes: Array(entry.utf8), file: "extract").first,
              let list = document.root, document.kind(list) == .sequence, document.count(list) == 1 else { return nil }
        return (document, document.item(list, 0))
    }
}
