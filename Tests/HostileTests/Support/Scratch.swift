import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import XCTest

/// A temporary folder for one test, removed at the end; inputs are generated here at test
/// time and never committed.
final class Scratch {
    let path: String

    init(_ name: String = #function) throws {
        // tmpfs when there is one: 20,000 small files on a shared VM's disk take longer to
        // create than cchc takes to check them.
        var isDirectory: ObjCBool = false
        let base = FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory) && isDirectory.boolValue
            && access("/dev/shm", W_OK) == 0 ? "/dev/shm/" : NSTemporaryDirectory()
        let template = base + "cchc-hostile-" + name.filter(\.isLetter).prefix(40) + "-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else { throw NSError(domain: "mkdtemp", code: Int(errno)) }
        path = String(cString: made)
    }

    /// Set by a test that made files unreadable, so that they can be removed.
    var restorePermissions = false

    deinit {
        if restorePermissions {
            _ = try? FileManager.default.subpathsOfDirectory(atPath: path).forEach { chmod(path + "/" + $0, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes a small file with plain stdio (FileManager is slow for thousands of files).
    static func quickWrite(_ path: String, _ text: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        let bytes = Array(text.utf8)
        let written = fwrite(bytes, 1, bytes.count, file)
        return fclose(file) == 0 && written == bytes.count
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: data) else { throw NSError(domain: "write \(full)", code: 1) }
        return full
    }

    /// A pack `thu` in `pack/` with the given rules (YAML text under `rules:`) and manifest extras.
    @discardableResult
    func pack(rules: String, manifestExtra: String = "") throws -> String {
        try write("pack/pack.yaml", """
        id: thu
        title: Bộ quy tắc thử
        version: 1.0.0
        basis: Văn bản thử
        \(manifestExtra)
        """)
        try write("pack/rules/thu.yaml", "rules:\n" + rules)
        return path + "/pack"
    }

    /// `cchc check` arguments that use only the pack in `pack/`.
    var packArguments: [String] { ["--no-shipped-rules", "--rules", path + "/pack"] }
}

/// Small, valid reports.
enum Reports {
    /// A report with `documents` documents; `font(i)` gives each one's font.
    static func report(name: String = "UBND xã Tiên Sơn", year: Int = 2022, documents: Int = 2,
                       font: (Int) -> String = { _ in "Times New Roman" }) -> String {
        var text = """
        schema: cchc.self-report/v1
        unit:
          name: \(name)
          kind: commune
        period:
          year: \(year)
        documents:

        """
        for i in 0 ..< documents {
            text += "  - {ref: vb-\(i), number: \(i % 9 + 1)/KH-UBND, layout: {font: \(font(i))}}\n"
        }
        return text
    }

    /// Two rules: one on the report (a warning when the name is empty) and one per document
    /// (an error for a font other than Times New Roman).
    static let basicRules = """
      - id: THU-NAME
        title: Tên đơn vị
        severity: warning
        basis: Văn bản thử
        require: length(unit.name) > 0
        message: "tên đơn vị trống"
      - id: THU-FONT
        title: Phông chữ
        severity: error
        basis: Văn bản thử
        for_each: documents
        as: doc
        require: doc.layout.font == "Times New Roman"
        at: doc.layout.font
        message: "phông chữ {{ doc.layout.font }}"

    """
}

/// Asserts that a run took at most `seconds` (and prints how long it took).
func XCTAssertFast(_ run: CLI.Run, within seconds: Double, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
    print("\(what): \(String(format: "%.2f", run.seconds)) s, peak RSS \(run.peakBytes / 1_000_000) MB, exit \(run.status)")
    XCTAssertLessThanOrEqual(run.seconds, seconds, "\(what) took \(run.seconds) s", file: file, line: line)
}
