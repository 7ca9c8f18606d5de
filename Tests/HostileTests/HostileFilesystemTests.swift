import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import XCTest

/// Hostile folders and outputs: symbolic-link loops, unreadable files, a large folder with one
/// broken report, outputs that must never be left half-written, and outputs that are not files.
final class HostileFilesystemTests: XCTestCase {
    func testSymbolicLinkLoopInAFolder() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        try scratch.write("reports/a/bao-cao.yaml", Reports.report(documents: 1, font: { _ in "Arial" }))
        XCTAssertEqual(symlink("..", scratch.path + "/reports/a/up"), 0)        // a -> reports -> a …
        XCTAssertEqual(symlink("loop2", scratch.path + "/reports/loop1"), 0)    // a dangling cycle
        XCTAssertEqual(symlink("loop1", scratch.path + "/reports/loop2"), 0)
        let run = try CLI.run(["check", scratch.path + "/reports", "--format", "json", "-o", scratch.path + "/out.json"]
                              + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 10, "symlink loop")
        XCTAssertEqual(run.status, 1, run.output)
        let json = try String(contentsOfFile: scratch.path + "/out.json", encoding: .utf8)
        XCTAssertEqual(json.components(separatedBy: "\"message\": \"phông chữ Arial\"").count - 1, 1, "the report is checked once:\n\(json.prefix(2000))")
    }

    func testUnreadableFile() throws {
        guard geteuid() != 0 else {
            throw XCTSkip("running as root: chmod 000 does not stop root from reading, so an unreadable file cannot be made here")
        }
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        try scratch.write("reports/good.yaml", Reports.report(documents: 1, font: { _ in "Arial" }))
        let secret = try scratch.write("reports/secret.yaml", Reports.report())
        XCTAssertEqual(chmod(secret, 0), 0)
        scratch.restorePermissions = true
        let run = try CLI.run(["check", scratch.path + "/reports"] + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 10, "unreadable file")
        XCTAssertEqual(run.status, 2, run.output)
        XCTAssertTrue(run.output.contains("secret.yaml"), run.output)
        XCTAssertTrue(run.output.contains("THU-FONT"), "the good report is still checked:\n\(run.output)")
    }

    /// 20,000 small reports, one broken: every other one is checked, exit 2, the broken one named.
    func testTwentyThousandReportsWithOneBroken() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        let folder = scratch.path + "/reports"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for i in 1 ... 20_000 {
            let name = String(format: "%05d.yaml", i)
            let text = i == 12_345
                ? "schema: cchc.self-report/v1\nunit: {name: [broken\n"
                : "schema: cchc.self-report/v1\nunit: {name: UBND xã \(i), kind: commune}\nperiod: {year: 2022}\n"
                  + (i % 1000 == 0 ? "documents: [{ref: a, layout: {font: Arial}}]\n" : "")
            guard Scratch.quickWrite(folder + "/" + name, text) else { return XCTFail("cannot write \(name)") }
        }
        let run = try CLI.run(["check", folder, "--format", "json", "-o", scratch.path + "/out.json", "--format", "text"]
                              + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 25, "20,000 reports")
        XCTAssertEqual(run.status, 2, String(run.stderr.prefix(2000)))
        XCTAssertTrue(run.stdout.contains("12345.yaml"), "the broken report is named")
        let json = try String(contentsOfFile: scratch.path + "/out.json", encoding: .utf8)
        XCTAssertEqual(json.components(separatedBy: "\"message\": \"phông chữ Arial\"").count - 1, 20, "the 20 Arial documents of the others")
        XCTAssertEqual(json.components(separatedBy: "\"rule\": \"YAML-SYNTAX\"").count - 1, 1)
        XCTAssertTrue(json.contains("\"reports\": 20000"), "every report is in the run")
    }

    /// `-o FILE` is written whole or not at all: a run that stops before writing (broken rules)
    /// and a run whose write fails half-way (a 1 KiB file-size limit, so `write` fails with
    /// EFBIG) both leave the previous file as it was.
    func testOutputIsNeverHalfWritten() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        try scratch.write("reports/a.yaml", Reports.report(documents: 40, font: { _ in "Arial" }))
        let out = scratch.path + "/ket-qua.json"
        let first = try CLI.run(["check", scratch.path + "/reports", "--format", "json", "-o", out] + scratch.packArguments, in: scratch.path)
        XCTAssertEqual(first.status, 1, first.output)
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertGreaterThan(before.count, 4096)

        // Broken rules: exit 2 before any output.
        try scratch.write("pack/rules/broken.yaml", "rules:\n  - id: THU-BROKEN\n    title: x\n    severity: error\n    basis: x\n    require: (((\n")
        let broken = try CLI.run(["check", scratch.path + "/reports", "--format", "json", "-o", out] + scratch.packArguments, in: scratch.path)
        XCTAssertEqual(broken.status, 2, broken.output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), before, "the old output is intact")
        try FileManager.default.removeItem(atPath: scratch.path + "/pack/rules/broken.yaml")

        // The write itself fails half-way: RLIMIT_FSIZE of 1 KiB (SIGXFSZ ignored so write returns EFBIG).
        try scratch.write("reports/b.yaml", Reports.report(documents: 80, font: { _ in "Calibri" }))
        let limited = try CLI.run(["check", scratch.path + "/reports", "--format", "json", "-o", out] + scratch.packArguments,
                                  in: scratch.path, shellPrefix: "trap '' XFSZ; ulimit -f 1;")
        XCTAssertNotEqual(limited.status, 0, limited.output)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), before, "the old output is intact after a failed write")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "no temporary file is left behind")
    }

    /// `-o` naming a pipe (or a device such as /dev/null) writes into it: it is not replaced by a
    /// regular file (it once was: the atomic rename put a file in place of /dev/null).
    func testOutputToAPipeIsWrittenInPlace() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        try scratch.write("reports/a.yaml", Reports.report(documents: 1, font: { _ in "Arial" }))
        let fifo = scratch.path + "/pipe"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let received = LockedData()
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while fd >= 0 {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                received.append(buffer[0 ..< n])
            }
            if fd >= 0 { close(fd) }
        }
        reader.start()
        let run = try CLI.run(["check", scratch.path + "/reports", "--format", "json", "-o", fifo] + scratch.packArguments, in: scratch.path)
        XCTAssertEqual(run.status, 1, run.output)
        for _ in 0 ..< 100 where !reader.isFinished { usleep(20_000) }
        var status = stat()
        XCTAssertEqual(stat(fifo, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO, "the pipe is still a pipe")
        XCTAssertTrue(String(decoding: received.value, as: UTF8.self).contains("THU-FONT"), "the JSON went into the pipe")
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: [UInt8] = []
    func append(_ bytes: ArraySlice<UInt8>) { lock.lock(); data += bytes; lock.unlock() }
    var value: [UInt8] { lock.lock(); defer { lock.unlock() }; return data }
}

/// `check` streams every format (memory flat in the number of reports); without a writable
/// temporary folder for the spools it renders from the whole run. Both must write the same
/// bytes and exit alike.
final class StreamedOutputTests: XCTestCase {
    func testStreamedOutputIsTheWholeRunOutput() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        for i in 1 ... 60 {
            try scratch.write("reports/\(String(format: "%03d", i)).yaml",
                              Reports.report(name: "UBND xã \(i)", documents: i % 4, font: { $0 % 2 == 0 ? "Arial" : "Times New Roman" }))
        }
        try scratch.write("reports/broken.yaml", "unit: {name: [\n")
        try scratch.write("reports/stream.yaml", Reports.report(documents: 1) + "---\n" + Reports.report(name: "Hai", documents: 1, font: { _ in "Arial" }))
        // Exit 2 for a broken or missing input; 0 or 1 otherwise (the report schema decides).
        for (arguments, expected) in [([scratch.path + "/reports", scratch.path + "/khong-co.yaml"], Int32?(2)),
                                      ([scratch.path + "/reports/004.yaml"], nil),
                                      ([scratch.path + "/reports/002.yaml"], 1)] {
            for format in ["json", "text", "github", "sarif", "junit", "markdown", "html"] {
                for extra in [[], ["--quiet"]] {
                    let streamed = try CLI.run(["check"] + arguments + ["--format", format, "-o", scratch.path + "/a.out"] + extra
                                               + scratch.packArguments, in: scratch.path)
                    let whole = try CLI.run(["check"] + arguments + ["--format", format, "-o", scratch.path + "/b.out"] + extra
                                            + scratch.packArguments, in: scratch.path, shellPrefix: Self.noTemporaryFolder)
                    if let expected { XCTAssertEqual(streamed.status, expected, streamed.output) }
                    XCTAssertEqual(whole.status, streamed.status, whole.output)
                    let a = try String(contentsOfFile: scratch.path + "/a.out", encoding: .utf8)
                    XCTAssertEqual(a, try String(contentsOfFile: scratch.path + "/b.out", encoding: .utf8), "\(format) \(extra) \(arguments)")
                    XCTAssertTrue(format == "github" || !a.isEmpty || !extra.isEmpty, "\(format) wrote nothing")
                }
            }
        }
    }

    /// Several formats at once, a baseline, `--write-baseline` and `--baseline-strict` stream
    /// too: the same documents as the whole run, the same new baseline, the same exit code. Two
    /// reports of the same unit and year share baseline keys; the first in input order takes
    /// the baselined occurrence. Writing a baseline too, every finding is in it (not new).
    func testStreamedRunWithABaselineAndSeveralFormatsIsTheWholeRun() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        for i in 1 ... 30 {
            try scratch.write("reports/\(String(format: "%03d", i)).yaml",
                              Reports.report(name: "UBND xã \(i % 25)", documents: 1 + i % 3, font: { $0 % 2 == 0 ? "Arial" : "Times New Roman" }))
        }
        try scratch.write("reports/broken.yaml", "unit: {name: [\n")
        // The baseline of an earlier state: fewer reports, so some findings are new and some
        // baselined ones are gone (resolved).
        try scratch.write("earlier/001.yaml", Reports.report(name: "UBND xã 1", documents: 3, font: { _ in "Arial" }))
        try scratch.write("earlier/002.yaml", Reports.report(name: "UBND xã 2", documents: 2, font: { _ in "Arial" }))
        try scratch.write("earlier/026.yaml", Reports.report(name: "UBND xã 1", documents: 1, font: { _ in "Arial" }))
        let base = try CLI.run(["check", scratch.path + "/earlier", "--write-baseline", scratch.path + "/base.json", "--format", "json",
                                "-o", scratch.path + "/earlier.json"] + scratch.packArguments, in: scratch.path)
        XCTAssertEqual(base.status, 0, base.output)  // what it writes is baselined
        let formats = [("json", "json"), ("sarif", "sarif"), ("junit", "xml"), ("text", "txt"), ("markdown", "md")]
        func run(_ name: String, writing: Bool, shellPrefix: String? = nil) throws -> CLI.Run {
            var arguments = ["check", scratch.path + "/reports", "--baseline", scratch.path + "/base.json", "--baseline-strict"]
            if writing { arguments += ["--write-baseline", scratch.path + "/\(name).baseline.json"] }
            for (format, suffix) in formats { arguments += ["--format", format, "-o", scratch.path + "/\(name).\(suffix)"] }
            return try CLI.run(arguments + scratch.packArguments, in: scratch.path, shellPrefix: shellPrefix)
        }
        for (streamedName, wholeName, writing) in [("a", "b", false), ("c", "d", true)] {
            let streamed = try run(streamedName, writing: writing)
            let whole = try run(wholeName, writing: writing, shellPrefix: Self.noTemporaryFolder)
            XCTAssertEqual(streamed.status, 2, streamed.output)  // the broken file
            XCTAssertEqual(whole.status, streamed.status, whole.output)
            for suffix in formats.map(\.1) + (writing ? ["baseline.json"] : []) {
                XCTAssertEqual(try String(contentsOfFile: scratch.path + "/\(streamedName).\(suffix)", encoding: .utf8),
                               try String(contentsOfFile: scratch.path + "/\(wholeName).\(suffix)", encoding: .utf8), suffix)
            }
            let json = try String(contentsOfFile: scratch.path + "/\(streamedName).json", encoding: .utf8)
            XCTAssertTrue(json.contains("\"new\": false"), "some findings are baselined")
            // Some are new; with the baseline written, only the broken file's YAML-SYNTAX, which no
            // baseline takes.
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let findings = (object?["reports"] as? [[String: Any]] ?? []).flatMap { $0["findings"] as? [[String: Any]] ?? [] }
            let newRules = Set(findings.filter { $0["new"] as? Bool == true }.compactMap { $0["rule"] as? String })
            if writing {
                XCTAssertEqual(newRules, ["YAML-SYNTAX"], json)
            } else {
                XCTAssertFalse(newRules.subtracting(["YAML-SYNTAX"]).isEmpty, "some checked findings are new: \(newRules)")
            }
            XCTAssertFalse(json.contains("\"resolved_baseline_entries\": []"), "some baselined findings are gone")
            XCTAssertTrue(try String(contentsOfFile: scratch.path + "/\(streamedName).sarif", encoding: .utf8).contains("\"baselineState\": \"unchanged\""))
        }
    }

    /// Makes the run find no writable temporary folder for its spools: it renders from the whole run.
    static let noTemporaryFolder = "export TMPDIR=/khong-co-thu-muc;"

    /// Without a writable temporary folder for the spool, the output is still written, from the
    /// whole run, with the same bytes.
    func testOutputWithoutATemporaryFolder() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        try scratch.write("reports/a.yaml", Reports.report(documents: 2, font: { _ in "Arial" }))
        for format in ["json", "text"] {
            let normal = try CLI.run(["check", scratch.path + "/reports", "--format", format, "-o", scratch.path + "/a.out"]
                                     + scratch.packArguments, in: scratch.path)
            let noTemporary = try CLI.run(["check", scratch.path + "/reports", "--format", format, "-o", scratch.path + "/b.out"]
                                          + scratch.packArguments, in: scratch.path, shellPrefix: Self.noTemporaryFolder)
            XCTAssertEqual(normal.status, 1, normal.output)
            XCTAssertEqual(noTemporary.status, normal.status, noTemporary.output)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/a.out")),
                           try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/b.out")), format)
        }
    }

    /// Peak memory of a streamed run does not follow the number of reports, in every format, and
    /// for CI's usual call (SARIF and JUnit at once, with a baseline).
    func testStreamedOutputMemoryIsFlat() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        let few = scratch.path + "/few", many = scratch.path + "/many"
        for (folder, count) in [(few, 200), (many, 4_000)] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for i in 0 ..< count {
                XCTAssertTrue(Scratch.quickWrite(folder + "/\(i).yaml", Reports.report(name: "UBND xã \(i)", documents: 5, font: { _ in "Arial" })))
            }
        }
        for format in ["json", "text", "sarif", "junit", "markdown", "html"] {
            let small = try CLI.run(["check", few, "--format", format, "-o", scratch.path + "/few.out"] + scratch.packArguments, in: scratch.path)
            let large = try CLI.run(["check", many, "--format", format, "-o", scratch.path + "/many.out"] + scratch.packArguments, in: scratch.path)
            XCTAssertFast(large, within: 20, "4,000 reports streamed as \(format)")
            XCTAssertEqual(large.status, 1)
            // 20× the reports (and ~20× the output): the peak may not grow by more than a few MB.
            XCTAssertLessThan(Double(large.peakBytes), Double(small.peakBytes) * 1.25 + 8_000_000,
                              "\(format): peak \(small.peakBytes / 1_000_000) MB for 200 reports, \(large.peakBytes / 1_000_000) MB for 4,000")
        }
        // CI's usual call: SARIF and JUnit at once, against a baseline.
        let baseline = scratch.path + "/base.json"
        let recorded = try CLI.run(["check", few, "--write-baseline", baseline, "--format", "github", "-o", scratch.path + "/base.out"]
                                   + scratch.packArguments, in: scratch.path)
        XCTAssertEqual(recorded.status, 0, recorded.output)  // what it writes is baselined
        var peaks: [Int] = []
        for folder in [few, many] {
            let run = try CLI.run(["check", folder, "--baseline", baseline, "--format", "sarif", "-o", scratch.path + "/ci.sarif",
                                   "--format", "junit", "-o", scratch.path + "/ci.xml"] + scratch.packArguments, in: scratch.path)
            XCTAssertEqual(run.status, folder == few ? 0 : 1, run.output)  // the 200 are all baselined
            peaks.append(run.peakBytes)
        }
        XCTAssertLessThan(Double(peaks[1]), Double(peaks[0]) * 1.25 + 8_000_000,
                          "sarif + junit + baseline: peak \(peaks[0] / 1_000_000) MB for 200 reports, \(peaks[1] / 1_000_000) MB for 4,000")
    }
}
