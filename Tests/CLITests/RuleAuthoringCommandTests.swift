import Foundation
import XCTest

/// A rule author's mistakes at the command line, with the shipped Rules home (its schema and
/// packs): a province pack reusing a shipped pack's id, a config parameter the rules cannot
/// use, and fixture cases that are contradictory, mistyped or out of range.
final class RuleAuthoringCommandTests: XCTestCase {
    private static let rules = CLI.repository.appendingPathComponent("Rules").path

    private func shipped(_ arguments: [String], in directory: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(arguments, in: directory, environment: ["CCHC_RULES_HOME": Self.rules], file: file, line: line)
    }

    /// Writes `files` (relative path → text) under `scratch`, creating folders.
    private func write(_ files: [String: String], in scratch: CLI.Scratch) {
        for (relative, text) in files {
            let full = (scratch.path as NSString).appendingPathComponent(relative)
            try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
    }

    private let packFiles = [
        "tinh/pack.yaml": "id: qn\ntitle: Quy định của tỉnh\nversion: 1.0.0\nbasis: Quyết định của UBND tỉnh\n",
        "tinh/rules/van-ban.yaml": """
            rules:
              - id: QN-DOC-COUNT
                title: Có ít nhất 5 văn bản mẫu
                severity: error
                basis: Quyết định của UBND tỉnh
                require: count(documents) >= 5
                at: documents
                message: "chỉ có {{ count(documents) }} văn bản"
            """,
    ]

    func testAPackReusingAShippedIDIsALintError() throws {
        let scratch = CLI.Scratch()
        var files = packFiles
        files["tinh/pack.yaml"] = "id: nd30\ntitle: Quy định của tỉnh\nversion: 1.0.0\nbasis: Quyết định của UBND tỉnh\n"
        write(files, in: scratch)
        let run = try shipped(["rules", "lint", "--rules", scratch.path + "/tinh"])
        assertStatus(run, 2)
        XCTAssertEqual(run.stderr, "\(scratch.path)/tinh/pack.yaml:1:5: lỗi: mã bộ quy tắc 'nd30' trùng với bộ quy tắc ở "
                       + "\(Self.rules)/nd30/pack.yaml:1:5; mỗi bộ cần một mã riêng\n")
        // The refused pack is neither counted nor listed: four packs, 49 rules.
        XCTAssertEqual(run.stdout, "4 bộ quy tắc, 49 quy tắc, 1 lỗi\n")
        let list = try shipped(["rules", "list", "--rules", scratch.path + "/tinh"])
        XCTAssertEqual(list.stdout.components(separatedBy: "Quy định của tỉnh").count - 1, 0, list.stdout)
    }

    func testABadDeadlineInTheConfigBlamesOnlyTheConfig() throws {
        let report = Self.rules + "/fixtures/valid-commune-2022.yaml"
        for value in ["\"13-45\"", "15"] {
            let scratch = CLI.Scratch()
            scratch.write("cchc.yaml", "params:\n  luu-tru:\n    dossier_list_deadline: \(value)\n")
            let run = try shipped(["check", report], in: scratch.path)
            assertStatus(run, 2)
            let errors = run.stderr.split(separator: "\n").filter { $0.contains(": lỗi") }
            XCTAssertEqual(errors.count, 1, run.stderr)
            XCTAssertTrue(errors.first?.hasPrefix("\(scratch.path)/cchc.yaml:3:5: lỗi: tham số 'luu-tru.dossier_list_deadline' phải là ") ?? false, run.stderr)
            XCTAssertFalse(run.output.contains("danh-muc.yaml"), "the shipped rule is not blamed: \(run.output)")
        }
    }

    func testBrokenFixtureCasesFailOnceEach() throws {
        let scratch = CLI.Scratch()
        var files = packFiles
        files["tinh/tests/van-ban.yaml"] = """
            base: \(Self.rules)/fixtures/valid-commune-2022.yaml
            cases:
              - name: mâu thuẫn
                expect:
                  - {rule: QN-DOC-COUNT, path: documents}
                expect_not: [QN-DOC-COUNT]
              - name: gõ nhầm
                set: {one_stop_shop.postings.hotlinee: "024 1234 5678"}
                expect: [QN-DOC-COUNT]
              - name: ngoài danh sách
                unset:
                  - documents[5].number
                expect: [QN-DOC-COUNT]
              - name: đúng
                expect: [QN-DOC-COUNT]
            """
        write(files, in: scratch)
        let run = try shipped(["rules", "test", scratch.path + "/tinh"])
        assertStatus(run, 1)
        let tests = scratch.path + "/tinh/tests/van-ban.yaml"
        for expected in ["\(tests):6:18: lỗi: quy tắc QN-DOC-COUNT có cả trong 'expect' và 'expect_not'",
                         "\(tests):8:11: lỗi: không đặt được giá trị tại đường dẫn 'one_stop_shop.postings.hotlinee': "
                            + "'one_stop_shop.postings.hotlinee' không có trong lược đồ báo cáo — ý bạn là 'hotline'?",
                         "\(tests):12:9: lỗi: không xóa được đường dẫn 'documents[5].number'",
                         "QN-DOC-COUNT: chưa có ca không được phát hiện (expect_not)"] {
            XCTAssertTrue(run.stdout.contains(expected), "no '\(expected)' in:\n\(run.stdout)")
        }
        XCTAssertTrue(run.stdout.hasSuffix("\n1 passed, 3 failed\n"), run.stdout)
    }
}
