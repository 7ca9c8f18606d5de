import DocxReader
import Foundation
import RuleEngine
import Synchronization
import YAML

/// Word files as input: `cchc check FILE.docx` reads the layout facts of the file and checks
/// them as a one-document report; a report's `documents[].file` is read by the functions
/// `linked_docx(file, field)` and `linked_docx_error(file)` (ND30-FILE-MISMATCH and the
/// file-only checks). Each file is read once per run.
enum DocxInput {
    private static let cache = Mutex<[String: Result<(document: DocxDocument, report: YAMLDocument), DocxError>]>([:])

    /// Reads (once) a .docx and its facts as a `documents[]` item.
    static func read(_ path: String) -> Result<(document: DocxDocument, report: YAMLDocument), DocxError> {
        let key = URL(fileURLWithPath: path).standardizedFileURL.path
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let result: Result<(document: DocxDocument, report: YAMLDocument), DocxError>
        do {
            let document = try DocxReader.read(path: path)
            let yaml = "documents:\n" + document.yamlText().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
            guard let report = try? YAMLLoader().load(bytes: Array(yaml.utf8), file: path).first else {
                throw DocxError.io(path: path, reason: "không dựng được báo cáo từ tệp")
            }
            result = .success((document, report))
        } catch let error as DocxError {
            result = .failure(error)
        } catch {
            result = .failure(.io(path: path, reason: "\(error)"))
        }
        cache.withLock { $0[key] = result }
        return result
    }

    // MARK: `cchc check FILE.docx`

    /// The translator registered for `.docx` inputs.
    static let translator: ReportTranslator = { path in
        let document: DocxDocument
        switch read(path) {
        case .success(let read): document = read.document
        case .failure(let error):
            throw TranslationError(location: SourceLocation(file: path, line: 1, column: 1), message: error.message, fix: fix(for: error))
        }
        let year = document.issuedOn?.year ?? CalendarDate.today.year
        let yaml = "schema: cchc.self-report/v1\nperiod:\n  year: \(year)\ndocuments:\n"
            + document.yamlText().split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        var lines: [Int: String] = [:]
        // Paragraph texts to show under findings (not paragraph 1: page-setup findings point at line 1).
        for (_, p) in document.provenance { if let paragraph = p.paragraph, paragraph > 0 { lines[paragraph + 1] = p.excerpt } }
        return TranslatedReport(yaml: Array(yaml.utf8), relocate: { relocate($0, in: document, file: path) }, sourceLines: lines)
    }

    /// What to do about a .docx that cannot be read: the path and permissions when the file
    /// itself cannot be opened, else save it again from Word (its message says what is wrong).
    static func fix(for error: DocxError) -> String {
        if case .io = error { return BuiltInFindings.unreadableFileFix }
        return "Mở tệp bằng Word và lưu lại dạng Tài liệu Word (.docx), hoặc xuất lại từ phần mềm đã tạo ra nó; rồi kiểm tra lại."
    }

    /// Points a finding at the paragraph its value was read from: line = paragraph number
    /// (1-based), and the message names the paragraph and quotes it.
    static func relocate(_ finding: Finding, in document: DocxDocument, file: String) -> Finding {
        var f = finding
        let field = f.path.hasPrefix("documents[0].") ? String(f.path.dropFirst("documents[0].".count)) : f.path
        let key = document.provenance.keys.filter { field == $0 || field.hasPrefix($0 + ".") || $0.hasPrefix(field + ".") }.min { $0.count < $1.count }
        f.path = field
        if let key, let p = document.provenance[key] {
            if let paragraph = p.paragraph {
                f.location = SourceLocation(file: file, line: paragraph + 1, column: 1)
                f.message += " (đoạn \(paragraph + 1): «\(p.excerpt)»)"
            } else {
                f.location = SourceLocation(file: file, line: 1, column: 1)
                f.message += " (\(p.excerpt))"
            }
        } else {
            f.location = SourceLocation(file: file, line: 1, column: 1)
        }
        return f
    }

    // MARK: Functions for documents[].file

    /// `linked_docx(file, "layout.font")` and `linked_docx_error(file)`, resolving `file`
    /// relative to the report.
    static func register(into registry: inout FunctionRegistry) {
        @Sendable func resolve(_ file: String, _ context: FunctionContext) -> String {
            file.hasPrefix("/") ? file : ((context.reportFile as NSString).deletingLastPathComponent as NSString).appendingPathComponent(file)
        }
        registry.register(FunctionDefinition(
            name: "linked_docx", summary: "giá trị một trường đọc từ tệp .docx (đường dẫn tính từ báo cáo); null nếu tệp không có giá trị đó",
            parameters: [.value("tệp", .string), .value("trường", .string)], resultType: { _ in .any }
        ) { context, args in
            guard case .string(let file)? = args[0].value, case .string(let field)? = args[1].value else { throw FunctionError("cần tên tệp và tên trường") }
            guard case .success(let read) = DocxInput.read(resolve(file, context)),
                  let root = read.report.root, let item = read.report.value(forKey: "documents", in: root).map({ read.report.item($0, 0) }) else { return .null }
            var node = item
            for part in field.split(separator: ".") {
                guard let next = read.report.value(forKey: String(part), in: node) else { return .null }
                node = next
            }
            guard read.report.kind(node) == .scalar else { return .null }
            switch read.report.scalarValue(node) {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .float(let d): return .decimal(d)
            case .string(let s): return CalendarDate(iso: s).map(Value.date) ?? .string(s)
            }
        })
        registry.register(FunctionDefinition(
            name: "linked_docx_error", summary: "lỗi khi đọc tệp .docx (đường dẫn tính từ báo cáo); null nếu đọc được",
            parameters: [.value("tệp", .string)], resultType: { _ in .oneOf([.string, .null]) }
        ) { context, args in
            guard case .string(let file)? = args[0].value else { throw FunctionError("cần tên tệp") }
            if case .failure(let error) = DocxInput.read(resolve(file, context)) { return .string(error.message) }
            return .null
        })
    }
}
