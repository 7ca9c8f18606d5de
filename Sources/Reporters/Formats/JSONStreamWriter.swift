import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RuleEngine

/// `--format json` written report by report, so that a run of any size needs the memory of a
/// few reports, not of all of them: each report's text (serialized on the worker that checked
/// it, `prepare`) is appended to an unlinked spool file; `finish` writes the document —
/// byte for byte what `JSONReporter.render` gives for the same run — through
/// `AtomicFileWriter`, the counts first (the documented key order puts `summary` before
/// `reports`) and the spooled reports copied after them.
public final class JSONStreamWriter {
    private let reporter = JSONReporter()
    private let destination: String
    private let spool: Int32
    private var buffer: [UInt8] = []
    private var tally = FindingTally([])
    private var count = 0
    private var failure: Int32?

    /// A writer for `destination` (a file, or `-` for standard output), spooling in `directory`.
    public init(destination: String, directory: String = NSTemporaryDirectory()) throws(AtomicWriteError) {
        self.destination = destination
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").appending("cchc-json-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw .failed(step: .createTemporary, path: directory, errno: errno) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }  // anonymous: gone when closed
        spool = descriptor
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(spool) }

    /// What a worker computes for one checked file: its reports' texts (UTF-8) and counts.
    public struct Prepared: Sendable {
        fileprivate var texts: [[UInt8]]
        fileprivate var tally: FindingTally
    }

    /// Serializes the reports of one file (call it on the worker, in parallel).
    public func prepare(_ reports: [ReportResult]) -> Prepared {
        Prepared(texts: reports.map(reporter.serializedReport), tally: FindingTally(reports.flatMap(\.findings)))
    }

    /// Appends prepared reports, in input order.
    public func add(_ prepared: Prepared) {
        for text in prepared.texts {
            JSONReporter.appendReport(text, index: count, to: &buffer)
            count += 1
        }
        tally.add(prepared.tally)
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        failure = buffer.withUnsafeBytes { AtomicFileWriter.writeAll($0, to: spool) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the document: `run` gives the tool version, rules and resolved baseline entries
    /// (its `reports` are ignored: they were added one by one).
    public func finish(_ run: RunResult, options: ReportOptions) throws(AtomicWriteError) {
        flush()
        if let failure { throw .failed(step: .write, path: destination, errno: failure) }
        let (before, after) = reporter.frame(run, tally: tally, reportCount: count, options: options)
        let (open, close) = JSONReporter.reportsBrackets(count: count)
        try AtomicFileWriter.write(to: destination) { out in
            if let code = AtomicFileWriter.writeAll(Data((before + open).utf8), to: out) { return code }
            // Copy the spool.
            guard lseek(spool, 0, SEEK_SET) == 0 else { return errno }
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(spool, $0.baseAddress, $0.count) }
                if n < 0 { if errno == EINTR { continue }; return errno }
                if n == 0 { break }
                if let code = chunk.withUnsafeBytes({ AtomicFileWriter.writeAll(UnsafeRawBufferPointer(rebasing: $0[0 ..< n]), to: out) }) {
                    return code
                }
            }
            return AtomicFileWriter.writeAll(Data((close + after).utf8), to: out)
        }
    }
}
