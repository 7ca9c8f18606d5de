import Foundation
import XCTest
import YAML

/// Loads `text` (UTF-8) and returns its only document.
func loadDocument(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> YAMLDocument {
    let documents = try YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml")
    XCTAssertEqual(documents.count, 1, "expected one document", file: file, line: line)
    return try XCTUnwrap(documents.first, file: file, line: line)
}

/// The `YAMLError` that loading `bytes` throws; fails the test if it loads or throws anything else.
func loadingError(_ bytes: [UInt8], limits: YAMLLimits = .default,
                  file: StaticString = #filePath, line: UInt = #line) -> YAMLError? {
    yamlError(file: file, line: line) { _ = try YAMLLoader(limits: limits).load(bytes: bytes, file: "t.yaml") }
}

/// The `YAMLError` that `body` throws; fails the test if it returns or throws anything else.
func yamlError(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> YAMLError? {
    do {
        try body()
        XCTFail("succeeded, but should have failed", file: file, line: line)
    } catch let error as YAMLError {
        return error
    } catch {
        XCTFail("threw a non-YAMLError: \(error)", file: file, line: line)
    }
    return nil
}

/// `loadingError` for UTF-8 text.
func loadingError(_ text: String, limits: YAMLLimits = .default,
                  file: StaticString = #filePath, line: UInt = #line) -> YAMLError? {
    loadingError(Array(text.utf8), limits: limits, file: file, line: line)
}

/// One step of a path into a document: a mapping key or a sequence index.
enum PathStep: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case key(String)
    case index(Int)
    init(stringLiteral value: String) { self = .key(value) }
    init(integerLiteral value: Int) { self = .index(value) }
}

extension YAMLDocument {
    /// The node at `path` from the root (`doc.node("a", 0, "b")`), or nil.
    func node(_ path: PathStep...) -> NodeID? {
        var current = root
        for step in path {
            guard let node = current else { return nil }
            switch step {
            case .key(let key): current = value(forKey: key, in: node)
            case .index(let i): current = kind(node) == .sequence && i < count(node) ? item(node, i) : nil
            }
        }
        return current
    }
}

/// Line:column, for terse assertions.
func at(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

/// Asserts that `body` finishes within `seconds` and raises the process's peak RSS by less than
/// `megabytes`. The peak (VmHWM) is a high-water mark of the whole process, so the memory check
/// can only catch a blow-up beyond what earlier tests already reached; it is a guard against
/// gross expansion, not a measurement.
func assertBounded<T>(seconds: Double, megabytes: Int, file: StaticString = #filePath, line: UInt = #line,
                      _ body: () throws -> T) rethrows -> T {
    let peakBefore = peakResidentBytes()
    let start = Date()
    let result = try body()
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertLessThan(elapsed, seconds, "took \(elapsed) s", file: file, line: line)
    if let before = peakBefore, let after = peakResidentBytes() {
        XCTAssertLessThan(after - before, megabytes << 20, "peak RSS grew by \((after - before) >> 20) MB",
                          file: file, line: line)
    }
    return result
}

/// The process's peak resident set size (VmHWM), in bytes.
func peakResidentBytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
    }
    return nil
}

/// A fresh temporary folder, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-yaml-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}
