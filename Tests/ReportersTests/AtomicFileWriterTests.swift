import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import XCTest
@testable import Reporters

final class AtomicFileWriterTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func testWritesANewFileAndReplacesAnOldOne() throws {
        let path = directory.appendingPathComponent("báo cáo.sarif").path
        try AtomicFileWriter.write(Data("một".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "một")
        try AtomicFileWriter.write(Data("hai".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "hai")
        XCTAssertEqual(try contents(), ["báo cáo.sarif"], "no temporary file left")
    }

    func testKeepsTheModeOfTheFileItReplaces() throws {
        let path = directory.appendingPathComponent("out.html").path
        try AtomicFileWriter.write(Data("a".utf8), to: path)
        XCTAssertEqual(chmod(path, 0o640), 0)
        try AtomicFileWriter.write(Data("b".utf8), to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640)
    }

    func testReplacesTheTargetOfASymbolicLinkAndKeepsTheLink() throws {
        let target = directory.appendingPathComponent("real.json").path
        let link = directory.appendingPathComponent("link.json").path
        try AtomicFileWriter.write(Data("cũ".utf8), to: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try AtomicFileWriter.write(Data("mới".utf8), to: link)
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "mới")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
    }

    func testMissingDirectoryIsATypedError() {
        let path = directory.appendingPathComponent("không có/out.json").path
        XCTAssertThrowsError(try AtomicFileWriter.write(Data(), to: path)) { error in
            XCTAssertEqual(error as? AtomicWriteError, .directoryMissing(directory.appendingPathComponent("không có").path))
            XCTAssertTrue("\(error)".contains("không tồn tại"))
        }
    }

    func testADirectoryIsNotOverwritten() throws {
        let path = directory.appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFileWriter.write(Data("x".utf8), to: path)) { error in
            XCTAssertEqual(error as? AtomicWriteError, .isDirectory(path))
        }
        XCTAssertEqual(try contents(), ["sub"])
    }

    /// A write that fails half-way (the file-size limit is lower than the data) leaves the old
    /// file as it was and no temporary file.
    func testAFailedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws {
        let path = directory.appendingPathComponent("report.html").path
        try AtomicFileWriter.write(Data("bản cũ".utf8), to: path)

        var saved = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved), 0)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)  // get EFBIG instead of being killed
        var limit = saved
        limit.rlim_cur = 4096
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit), 0)
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
            signal(SIGXFSZ, previousHandler)
        }

        XCTAssertThrowsError(try AtomicFileWriter.write(Data(repeating: 0x41, count: 64 * 1024), to: path)) { error in
            guard case .failed(step: .write, path: path, errno: EFBIG)? = error as? AtomicWriteError else {
                return XCTFail("unexpected error \(error)")
            }
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "bản cũ")
        XCTAssertEqual(try contents(), ["report.html"])
    }
}
