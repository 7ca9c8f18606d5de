import ArgumentParser
import Foundation
import RuleEngine
import YAML

/// Options shared by every command that loads rule packs.
struct RuleSourceOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("Thêm một bộ quy tắc (thư mục có pack.yaml) hoặc thư mục chứa nhiều bộ. Lặp lại được.", valueName: "DIR"))
    var ruleDirectories: [String] = []

    @Flag(name: .customLong("no-shipped-rules"), help: "Không nạp các bộ quy tắc đi kèm (Rules/).")
    var noShippedRules = false

    @Option(name: .customLong("config"), help: ArgumentHelp("Tệp cấu hình (mặc định: cchc.yaml gần nhất từ thư mục hiện tại trở lên).", valueName: "FILE"))
    var configPath: String?

    @Flag(name: .customLong("allow-exec"), help: "Cho phép chạy plugin ngoài mà bộ quy tắc khai báo (plugin là mã chạy được, không phải dữ liệu).")
    var allowExec = false

    /// These options as command-line arguments, for a command line that repeats the run.
    var arguments: [String] {
        ruleDirectories.flatMap { ["--rules", $0] } + (noShippedRules ? ["--no-shipped-rules"] : [])
            + (configPath.map { ["--config", $0] } ?? []) + (allowExec ? ["--allow-exec"] : [])
    }
}

/// The shipped `Rules/` folder, looked for in this order: `CCHC_RULES_HOME`; a `Rules/` beside
/// the real executable or in a folder above it (symbolic links to the executable resolved, so a
/// link in /usr/local/bin finds the Rules/ of the install it points into); a `Rules/` in the
/// current directory or a folder above it.
enum ShippedRules {
    static var directory: String? {
        if let env = ProcessInfo.processInfo.environment["CCHC_RULES_HOME"], !env.isEmpty { return env }
        let starts = [executablePath.map { ($0 as NSString).deletingLastPathComponent }, FileManager.default.currentDirectoryPath]
        for start in starts.compactMap({ $0 }) {
            var dir = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                let candidate = dir.appendingPathComponent("Rules")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("schema").path)
                    || !LoadedRules.packDirectories(in: candidate.path).isEmpty { return candidate.path }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// The running executable's real path, symbolic links resolved: /proc/self/exe on Linux;
    /// else `argv[0]`, looked up in `PATH` when it has no slash (as the shell found it), or nil.
    static var executablePath: String? {
        if let path = realPath("/proc/self/exe") { return path }
        let invoked = CommandLine.arguments[0]
        if invoked.contains("/") { return realPath(invoked) }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = ((directory.isEmpty ? "." : String(directory)) as NSString).appendingPathComponent(invoked)
            if FileManager.default.isExecutableFile(atPath: candidate) { return realPath(candidate) }
        }
        return nil
    }

    /// realpath(3): absolute, with every symbolic link resolved; nil when `path` does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Everything a command needs about rules: packs, config, the compiled rule set, and every
/// error found on the way (located).
struct LoadedRules {
    var packs: [RulePack] = []
    var config = Configuration()
    var errors: [RuleError] = []
    var ruleSet: RuleSet!

    /// Pack directories inside `path`: `path` itself when it has a pack.yaml, else its children.
    static func packDirectories(in path: String) -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: (path as NSString).appendingPathComponent("pack.yaml")) { return [path] }
        guard let names = try? fm.contentsOfDirectory(atPath: path) else { return [] }
        return names.sorted().map { (path as NSString).appendingPathComponent($0) }
            .filter { fm.fileExists(atPath: ($0 as NSString).appendingPathComponent("pack.yaml")) }
    }

    /// Loads packs from the shipped folder (unless excluded), `--rules` and the config, and
    /// compiles them. `explicitDirectories` replaces the defaults when non-empty (lint, test).
    static func load(_ options: RuleSourceOptions, explicitDirectories: [String] = []) -> LoadedRules {
        var loaded = LoadedRules()
        if let path = options.configPath ?? Configuration.find(from: FileManager.default.currentDirectoryPath) {
            let (config, errors) = Configuration.load(path: path)
            loaded.config = config
            loaded.errors += errors
        }
        if options.allowExec { loaded.config.allowExec = true }
        var roots: [String] = []
        var shippedRootCount = 0  // the shipped folder, when loaded, is roots[0]
        if explicitDirectories.isEmpty {
            if !options.noShippedRules, let shipped = ShippedRules.directory {
                roots.append(shipped)
                shippedRootCount = 1
            }
            roots += options.ruleDirectories + loaded.config.packDirectories
        } else {
            roots = explicitDirectories
        }
        var addedPackIDs: [String] = []
        for (index, root) in roots.enumerated() {
            let directories = packDirectories(in: root)
            if directories.isEmpty {
                loaded.errors.append(RuleError(location: SourceLocation(file: root, line: 1, column: 1),
                                               message: "không có bộ quy tắc nào (thư mục có pack.yaml) ở đây"))
            }
            for directory in directories {
                let (pack, errors) = RulePackLoader.load(directory: directory)
                loaded.errors += errors
                guard let pack else { continue }
                loaded.packs.append(pack)
                if index >= shippedRootCount { addedPackIDs.append(pack.id) }
            }
        }
        // A pack the user added (--rules, the config's rule_packs, the folders of lint and test)
        // runs whatever the config's `packs:` selects among the shipped ones: a province that
        // lists `packs: [nd30, mot-cua]` and adds its own pack expects that pack to run.
        if let selected = loaded.config.packs {
            loaded.config.packs = selected + addedPackIDs.filter { !selected.contains($0) }
        }
        if loaded.packs.isEmpty, loaded.errors.isEmpty {
            loaded.errors.append(RuleError(location: SourceLocation(file: roots.first ?? "Rules", line: 1, column: 1),
                                           message: "không nạp được bộ quy tắc nào — dùng --rules DIR, hoặc đặt CCHC_RULES_HOME tới thư mục Rules/"))
        }
        let model = ReportModelLoader.load(rulesDirectory: ShippedRules.directory, errors: &loaded.errors)
        var functions = FunctionRegistry.standard
        DomainFunctions.register(into: &functions, packs: loaded.packs, errors: &loaded.errors)
        DocxInput.register(into: &functions)
        PluginFunctions.register(into: &functions, packs: loaded.packs, allowExec: loaded.config.allowExec, errors: &loaded.errors)
        loaded.ruleSet = RuleSet(packs: loaded.packs, config: loaded.config, functions: functions, model: model)
        loaded.packs = loaded.ruleSet.distinctPacks  // a refused duplicate is not listed or counted
        loaded.errors += loaded.ruleSet.errors
        return loaded
    }
}
