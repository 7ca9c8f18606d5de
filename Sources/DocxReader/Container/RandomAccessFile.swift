#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file opened read-only and read at offsets; closed when released.
final class RandomAccessFile {
    let path: String
    /// Size in bytes when opened.
    let size: Int
    private let descriptor: Int32

    /// Opens `path`, refusing directories and files larger than `maxBytes`.
    init(path: String, maxBytes: Int) throws(DocxError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Self.ioError(path, errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw Self.ioError(path, code)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            let isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            throw .io(path: path, reason: isDirectory ? "đây là thư mục, không phải tệp" : "không phải tệp thông thường")
        }
        guard Int(info.st_size) <= maxBytes else {
            close(fd)
            throw .fileTooLarge(bytes: Int(info.st_size), limit: maxBytes)
        }
        self.path = path
        self.size = Int(info.st_size)
        self.descriptor = fd
    }

    deinit { close(descriptor) }

    /// Reads exactly `buffer.count` bytes at `offset`; fewer available is an error.
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(DocxError) {
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw Self.ioError(path, errno)
            }
            if n == 0 { throw .io(path: path, reason: "tệp bị cắt cụt (đọc quá cuối tệp)") }
            done += n
        }
    }

    /// Reads exactly `count` bytes at `offset`.
    func read(at offset: Int, count: Int) throws(DocxError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var failure: DocxError?
        bytes.withUnsafeMutableBytes { buffer in
            do throws(DocxError) { try read(at: offset, into: buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        return bytes
    }

    private static func ioError(_ path: String, _ code: Int32) -> DocxError {
        switch code {
        case ENOENT: return .io(path: path, reason: "không tìm thấy tệp")
        case EACCES: return .io(path: path, reason: "không có quyền đọc tệp")
        default: return .io(path: path, reason: String(cString: strerror(code)))
        }
    }
}
