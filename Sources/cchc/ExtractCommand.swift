import ArgumentParser
import DocxReader
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
                    for (field, p) in read.document.provenance.sorted(by: { $0.key < $1.key }) where written.map({ Self.has(field, in: $0) }) ?? true {
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
    private static func item(of entry: String) -> (YAMLDocument, NodeID)? {
        guard let document = try? YAMLLoader().load(bytes: Array(entry.utf8), file: "extract").first,
              let list = document.root, document.kind(list) == .sequence, document.count(list) == 1 else { return nil }
        return (document, document.item(list, 0))
    }

    /// Whether `path` (`layout.margins_mm.left`, `recipients[1]`) names a value of the entry.
    private static func has(_ path: String, in entry: (document: YAMLDocument, node: NodeID)) -> Bool {
        let doc = entry.document
        var node = entry.node
        for step in path.split(separator: ".") {
            let name = step.prefix { $0 != "[" }
            guard let child = doc.value(forKey: String(name), in: node) else { return false }
            node = child
            if let open = step.firstIndex(of: "["), let index = Int(step[step.index(after: open)...].dropLast()) {
                guard doc.kind(node) == .sequence, index < doc.count(node) else { return false }
                node = doc.item(node, index)
            }
        }
        return true
    }
}
