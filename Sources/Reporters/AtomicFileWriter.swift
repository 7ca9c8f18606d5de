import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output file could not be written. Whatever the step, a file that was at the path
/// before is unchanged and no temporary file is left behind.
public enum AtomicWriteError: Error, Equatable, CustomStringConvertible {
    /// A step of the write.
    public enum Step: String, Sendable {
        case createTemporary = "tạo tệp tạm"
        case write = "ghi"
        case sync = "đồng bộ xuống đĩa"
        case rename = "đổi tên vào chỗ"
    }

    /// The directory that should hold the file does not exist (or is not a directory).
    case directoryMissing(String)
    /// The path names a directory, not a file.
    case isDirectory(String)
    /// A system call failed at `step` for `path`, with the C `errno`.
    case failed(step: Step, path: String, errno: Int32)

    /// Why, for a message that already says what could not be written ("không ghi được X: …").
    public var description: String {
        switch self {
        case .directoryMissing(let directory):
            "thư mục \(directory) không tồn tại"
        case .isDirectory(let path):
            "\(path) là một thư mục"
        case .failed(let step, let path, let code):
            "\(path), bước \(step.rawValue): \(String(cString: strerror(code)))"
        }
    }
}

/// Writes output files so that readers never see half a file: the bytes go to a temporary file
/// in the same directory, which is then renamed over the target in one step.
public enum AtomicFileWriter {
    /// Writes `data` to `path`, or to standard output when `path` is `-`. A new file gets the
    /// usual permissions (0666 less the umask); a replaced file keeps its own. A symbolic link
    /// is followed, so the file it points at is replaced and the link stays.
    public static func write(_ data: Data, to path: String) throws(AtomicWriteError) {
        try write(to: path) { writeAll(data, to: $0) }
    }

    /// Writes whatever `body` writes to the descriptor it is given, with the guarantees of
    /// `write(_:to:)` (whole or not at all): for output produced piece by piece, which need not
    /// be held in memory. `body` returns the `errno` of a failed write, or nil.
    public static func write(to path: String, using body: (Int32) -> Int32?) throws(AtomicWriteError) {
        if path == "-" {
            if let code = body(STDOUT_FILENO) { throw .failed(step: .write, path: "-", errno: code) }
            return
        }
        let target = resolvingSymbolicLink(path)
        let directory = directoryPart(of: target)
        var status = stat()
        guard stat(directory, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { throw .directoryMissing(directory) }
        var existingMode: mode_t?
        if stat(target, &status) == 0 {
            guard status.st_mode & S_IFMT != S_IFDIR else { throw .isDirectory(target) }
            // A device, pipe or socket (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written in
            // place: renaming a temporary file over it would replace /dev/null with a regular
            // file (as root, for every process on the machine).
            if status.st_mode & S_IFMT != S_IFREG { return try writeInPlace(to: target, using: body) }
            existingMode = status.st_mode & 0o7777
        }

        let (descriptor, temporary) = try createTemporaryFile(in: directory, for: target)
        var failure: (AtomicWriteError.Step, Int32)?
        if let code = body(descriptor) {
            failure = (.write, code)
        } else if let mode = existingMode, fchmod(descriptor, mode) != 0 {
            failure = (.write, errno)
        } else if fsync(descriptor) != 0 {
            failure = (.sync, errno)
        }
        if close(descriptor) != 0, failure == nil { failure = (.write, errno) }
        if failure == nil, rename(temporary, target) != 0 { failure = (.rename, errno) }
        if let (step, code) = failure {
            unlink(temporary)
            throw .failed(step: step, path: target, errno: code)
        }
    }

    /// Writes to an existing file that is not a regular file (a device, pipe or socket).
    private static func writeInPlace(to path: String, using body: (Int32) -> Int32?) throws(AtomicWriteError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .failed(step: .write, path: path, errno: errno) }
        let code = body(descriptor)
        if close(descriptor) != 0, code == nil { throw .failed(step: .write, path: path, errno: errno) }
        if let code { throw .failed(step: .write, path: path, errno: code) }
    }

    /// Opens a new file named `.<name>.<random>.tmp` beside `target`, exclusively.
    private static func createTemporaryFile(in directory: String, for target: String) throws(AtomicWriteError) -> (Int32, String) {
        let name = target.split(separator: "/").last.map(String.init) ?? target
        while true {
            let temporary = "\(directory)/.\(name).\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, temporary) }
            if errno != EEXIST && errno != EINTR {
                throw .failed(step: .createTemporary, path: temporary, errno: errno)
            }
        }
    }

    /// Writes every byte, retrying short and interrupted writes; the `errno` on failure.
    public static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    /// Writes every byte of `buffer`, retrying short and interrupted writes; the `errno` on failure.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        do {
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    private static func resolvingSymbolicLink(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
              let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func directoryPart(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// The C `write`, which `AtomicFileWriter.write` would otherwise shadow.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
