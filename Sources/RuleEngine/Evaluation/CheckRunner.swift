import Dispatch
import Foundation
import Synchronization
import YAML

/// Expands command-line inputs: a directory means every `*.yaml|*.yml|*.json` under it
/// (sorted, symbolic-link loops skipped) that is not hidden, not a config (`cchc.yaml`,
/// `cchc.yml`) and not one of the run's own files; `-` is standard input; a file named twice is
/// one input. A file named on the command line is taken whatever its name.
public enum ReportInputs {
    public static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Names a directory's walk leaves out: the config's, in both spellings of its extension.
    static let configFileNames = Set(Configuration.fileNames)

    /// The files to check, and inputs that do not exist (as located errors). `ownFiles` are the
    /// files the run itself reads or writes (its config, baselines, outputs): a directory's walk
    /// leaves them out, compared by real path (another spelling or a link is the same file).
    public static func expand(_ arguments: [String], skipping ownFiles: [String] = []) -> (files: [String], missing: [YAMLError]) {
        var files: [String] = [], missing: [YAMLError] = []
        let fm = FileManager.default
        let skipped = Set(ownFiles.compactMap(realPath))
        for argument in arguments {
            var isDirectory: ObjCBool = false
            if argument == "-" { files.append(argument); continue }
            guard fm.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                missing.append(YAMLError(kind: .io, location: SourceLocation(file: argument, line: 1, column: 1),
                                         problem: "no such file or directory", explanation: "không tìm thấy tệp hoặc thư mục"))
                continue
            }
            guard isDirectory.boolValue else { files.append(argument); continue }
            var visited: Set<String> = []
            files += walk(argument, skipping: skipped, visited: &visited)
        }
        return (onceEach(files), missing)
    }

    /// `files` with each file once (the same device and inode: a link, another spelling), under
    /// its first spelling: `a.yaml` given again as `./a.yaml` or found again in a folder given
    /// too is one report, not two units.
    static func onceEach(_ files: [String]) -> [String] {
        struct FileIdentity: Hashable { let device: UInt64, inode: UInt64 }
        var seen: Set<FileIdentity> = []
        return files.filter { file in
            var info = stat()
            guard file != "-", stat(file, &info) == 0 else { return true }
            return seen.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted
        }
    }

    /// The report files under `directory`: hidden files and folders, configs and the real paths
    /// in `skipped` left out.
    private static func walk(_ directory: String, skipping skipped: Set<String>, visited: inout Set<String>) -> [String] {
        guard let real = realPath(directory), visited.insert(real).inserted,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                result += walk(path, skipping: skipped, visited: &visited)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()), !configFileNames.contains(name),
                      !skipped.contains(realPath(path) ?? path) {
                result.append(path)
            }
        }
        return result
    }

    /// realpath(3): absolute, with every symbolic link resolved; nil when `path` does not exist.
    /// Not NSString.resolvingSymlinksInPath: that one leaves `a/up/..` unresolved for a link
    /// `up -> ..`, so a loop was walked 40 levels deep (every report checked 40 times).
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A file that is not YAML (a .docx) turned into a report the checker can read, with a way to
/// point findings back into the original file.
public struct TranslatedReport: Sendable {
    /// The report text (YAML) standing for the file.
    public var yaml: [UInt8]
    /// Moves a finding from the report text to where its value is in the original file.
    public var relocate: @Sendable (Finding) -> Finding
    /// Text of the original file to show under findings (line → text).
    public var sourceLines: [Int: String]

    public init(yaml: [UInt8], relocate: @escaping @Sendable (Finding) -> Finding, sourceLines: [Int: String]) {
        self.yaml = yaml
        self.relocate = relocate
        self.sourceLines = sourceLines
    }
}

/// Why a translator could not make a report of its file, said in the terms of that kind of
/// file: it becomes the file's YAML-SYNTAX finding (the id checks.md gives every unreadable input).
public struct TranslationError: Error, Sendable, Hashable {
    /// Where the problem is (line 1, column 1 when the file as a whole is refused).
    public var location: SourceLocation
    /// One line in Vietnamese: what is wrong with the file.
    public var message: String
    /// What the person can do about it (the finding's fix).
    public var fix: String

    public init(location: SourceLocation, message: String, fix: String) {
        self.location = location
        self.message = message
        self.fix = fix
    }
}

/// Turns an input file of some other kind into a report; throws a `TranslationError` when the
/// file cannot be read (any other error becomes a YAML-SYNTAX finding with its description).
public typealias ReportTranslator = @Sendable (_ path: String) throws -> TranslatedReport

/// Checks many report files, on all cores, one file in memory per worker: peak memory follows
/// the largest file, not the number of files. Results come back in input order.
public struct CheckRunner: Sendable {
    public let checker: ReportChecker
    public let loader: YAMLLoader
    /// Translators for other kinds of input, by lower-case file extension (`docx`).
    public let translators: [String: ReportTranslator]
    /// Whether results carry the source lines their findings point at (for outputs that quote
    /// them, such as text); false saves cutting them out when no output shows them.
    public let keepsSourceLines: Bool

    public init(checker: ReportChecker, loader: YAMLLoader = YAMLLoader(), translators: [String: ReportTranslator] = [:],
                keepsSourceLines: Bool = true) {
        self.checker = checker
        self.loader = loader
        self.translators = translators
        self.keepsSourceLines = keepsSourceLines
    }

    /// Checks one file (or `-`): each document of the stream is one result; a file that
    /// cannot be read or parsed gives one result with its YAML-* finding.
    public func check(file: String) -> [ReportResult] {
        let start = DispatchTime.now().uptimeNanoseconds
        var results = load(file: file)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        for i in results.indices { results[i].duration = seconds / Double(results.count) }
        return results
    }

    private func load(file: String) -> [ReportResult] {
        if let translate = translators[(file as NSString).pathExtension.lowercased()] {
            return [translated(file, translate)]
        }
        let name = file == "-" ? YAMLLoader.standardInputName : file
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: file, displayName: name, limit: loader.limits.maxInputBytes)
        } catch {
            return [Self.unreadable(name, error)]
        }
        do {
            let documents = try loader.load(bytes: bytes, file: name)
            guard !documents.isEmpty else {
                return [Self.unreadable(name, YAMLError(kind: .empty, location: SourceLocation(file: name, line: 1, column: 1),
                                                         problem: "empty stream", explanation: "tệp rỗng — không có nội dung báo cáo"))]
            }
            return documents.enumerated().map { i, doc in
                checker.check(doc, source: keepsSourceLines ? bytes : nil, documentIndex: documents.count > 1 ? i + 1 : nil)
            }
        } catch {
            return [Self.unreadable(name, error)]
        }
    }

    /// Checks a translated file: the report model's validation does not apply (the report is
    /// made by the translator, not typed by a person), findings point into the original file.
    private func translated(_ file: String, _ translate: ReportTranslator) -> ReportResult {
        do {
            let report = try translate(file)
            guard let document = try loader.load(bytes: report.yaml, file: file).first else {
                return Self.unreadable(file, YAMLError(kind: .io, location: SourceLocation(file: file, line: 1, column: 1),
                                                       problem: "nothing extracted", explanation: "không đọc được nội dung nào từ tệp"))
            }
            var result = checker.check(document, validatingModel: false)
            result.findings = result.findings.map(report.relocate)
            result.sourceLines = report.sourceLines
            return result
        } catch {
            return Self.unreadable(file, error)
        }
    }

    static func unreadable(_ file: String, _ error: Error) -> ReportResult {
        let finding = switch error {
        case let error as TranslationError: BuiltInFindings.finding(for: error)
        case let error as YAMLError: BuiltInFindings.finding(for: error)
        default: BuiltInFindings.finding(for: YAMLError(kind: .io, location: SourceLocation(file: file, line: 1, column: 1),
                                                        problem: "\(error)", explanation: "không đọc được tệp"))
        }
        return ReportResult(file: file, findings: [finding])
    }

    /// Checks every file with up to `concurrency` workers.
    public func check(files: [String], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) -> [ReportResult] {
        let results = Mutex<[[ReportResult]]>(Array(repeating: [], count: files.count))
        let next = Atomic<Int>(0)
        let workers = max(1, min(concurrency, files.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < files.count else { return }
                let r = check(file: files[i])
                results.withLock { $0[i] = r }
            }
        }
        return results.withLock { $0 }.flatMap { $0 }
    }

    /// Checks every file like `check(files:concurrency:)` but keeps nothing: each file's results
    /// go through `prepare` on the worker that checked it (in parallel: render them there), and
    /// the prepared values reach `deliver` one at a time, in input order, as soon as they and all
    /// before them are ready. Memory follows the workers, not the number of files (product.md
    /// §7: "streamed one by one").
    public func check<Prepared>(files: [String], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                                prepare: ([ReportResult]) -> Prepared, deliver: (Prepared) -> Void) {
        let queue = Mutex<(ready: [Int: Prepared], next: Int)>(([:], 0))
        let claimed = Atomic<Int>(0)
        let workers = max(1, min(concurrency, files.count))
        withoutActuallyEscaping(prepare) { prepare in
            withoutActuallyEscaping(deliver) { deliver in
                nonisolated(unsafe) let prepare = prepare, deliver = deliver
                DispatchQueue.concurrentPerform(iterations: workers) { _ in
                    while true {
                        let i = claimed.add(1, ordering: .relaxed).oldValue
                        guard i < files.count else { return }
                        nonisolated(unsafe) let prepared = prepare(check(file: files[i]))
                        // Deliver in order under the lock, by whichever worker completes the run.
                        queue.withLock { queue in
                            queue.ready[i] = prepared
                            while let value = queue.ready.removeValue(forKey: queue.next) {
                                deliver(value)
                                queue.next += 1
                            }
                        }
                    }
                }
            }
        }
    }
}
