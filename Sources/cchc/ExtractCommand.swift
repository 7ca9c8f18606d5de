import ArgumentParser
import DocxReader

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
                print(read.document.yamlText(), terminator: "")
                if provenance {
                    for (field, p) in read.document.provenance.sorted(by: { $0.key < $1.key }) {
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
}
