@preconcurrency import Glibc

/// What a finished child process used, from `wait4`.
struct ChildUsage {
    var status: Int32
    var wallSeconds: Double
    var userSeconds: Double
    var systemSeconds: Double
    /// Peak resident set size, bytes (`ru_maxrss`).
    var peakResidentBytes: Int

    /// (user + sys) / wall: 2.0 means both cores busy the whole time.
    var cpuUtilisation: Double { (userSeconds + systemSeconds) / wallSeconds }
}

/// Runs programs and measures them with `wait4`, which reports the child's own CPU time and
/// peak memory (what `/usr/bin/time -f %M` prints), without depending on `time` being installed.
enum Subprocess {
    /// Runs `arguments[0]` (a path, or a name looked up in PATH) with the rest as arguments;
    /// standard output goes to `stdoutPath` (default /dev/null), standard error to `stderrPath`.
    static func run(_ arguments: [String], stdoutPath: String = "/dev/null", stderrPath: String? = nil) throws -> ChildUsage {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderrPath { posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let start = Measurement.now()
        let code = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
        guard code == 0 else {
            throw BenchmarkFailure(description: "cannot run \(arguments[0]): \(String(cString: strerror(code)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchmarkFailure(description: "wait4: \(String(cString: strerror(errno)))") }
        }
        let wall = Measurement.now() - start
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let exitCode: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildUsage(status: exitCode, wallSeconds: wall, userSeconds: seconds(usage.ru_utime),
                          systemSeconds: seconds(usage.ru_stime), peakResidentBytes: usage.ru_maxrss * 1024)
    }
}

/// CPU time of this process so far (user + system), seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}
