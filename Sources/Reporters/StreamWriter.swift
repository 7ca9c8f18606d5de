import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RuleEngine

/// A document of a streaming format (every format of cchc's) written report by report, so that a
/// run of any size needs the memory of a few reports, not of all of them: each report's piece
/// (made on the worker that checked it, `prepare`) is appended to an unlinked spool file;
/// `finish` writes the document — byte for byte what the reporter's `render` gives for the same
/// run — through `AtomicFileWriter`: the frame's beginning (which may hold the totals: JSON puts
/// `summary` before `reports`), the spooled pieces, the frame's end.
public final class StreamWriter {
    private let reporter: any StreamingReporter
    private let options: ReportOptions
    private let context: StreamContext
    private let destination: String
    private let spool: Int32
    private var buffer: [UInt8] = []
    private var totals = StreamTotals()
    /// The first report's piece, while it is not known whether there are several reports
    /// (formats whose pieces hold `PiecePlace` marks).
    private var firstPiece: [UInt8]?
    /// The reports numbered so far (formats whose pieces hold `PiecePlace` marks).
    private var numberedReports = 0
    /// Pieces of results that are no report (`(quy tắc)` under `--skip-broken-rules`): not
    /// numbered, and written after the reports, as `render` places them.
    private var unnumberedPieces: [[UInt8]] = []
    private var failure: Int32?

    /// A writer of `format` for `destination` (a file, or `-` for standard output), or nil for
    /// a format that is not a `StreamingReporter` (all of cchc's are). `rules`
    /// are the rules of the run (only their ids, titles and areas are read here; `finish` takes
    /// the descriptors the document lists); `comparedWithBaseline` says whether a baseline
    /// marks the findings.
    public static func forFormat(_ format: String, options: ReportOptions, destination: String, rules: [RuleDescriptor],
                                 comparedWithBaseline: Bool = false,
                                 directory: String = NSTemporaryDirectory()) throws(AtomicWriteError) -> StreamWriter? {
        guard let reporter = ReporterRegistry.reporter(for: format) as? any StreamingReporter else { return nil }
        return try StreamWriter(reporter: reporter, options: options,
                                context: StreamContext(rules: rules, comparedWithBaseline: comparedWithBaseline),
                                destination: destination, directory: directory)
    }

    /// Whether the format quotes source lines: checked reports must carry them.
    public var needsSourceLines: Bool { reporter.quotesSourceLines }

    /// A writer for `destination` (a file, or `-` for standard output), spooling in `directory`.
    private init(reporter: any StreamingReporter, options: ReportOptions, context: StreamContext,
                 destination: String, directory: String) throws(AtomicWriteError) {
        self.reporter = reporter
        self.options = options
        self.context = context
        self.destination = destination
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").appending("cchc-stream-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw .failed(step: .createTemporary, path: directory, errno: errno) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }  // anonymous: gone when closed
        spool = descriptor
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(spool) }

    /// What a worker computes for one checked file: its reports' pieces (UTF-8) and totals.
    public struct Prepared: Sendable {
        fileprivate var pieces: [[UInt8]]
        /// For each piece, whether its result is a report (`ReportResult.isInput`).
        fileprivate var isReport: [Bool]
        fileprivate var totals: StreamTotals
    }

    /// Makes the pieces of one file's reports (call it on the worker, in parallel).
    public func prepare(_ reports: [ReportResult]) -> Prepared {
        Prepared(pieces: reports.map { reporter.piece(of: $0, context: context, options: options) },
                 isReport: reports.map(\.isInput), totals: reporter.totals(of: reports, context: context))
    }

    /// Appends prepared pieces, in input order.
    public func add(_ prepared: Prepared) {
        for (piece, isReport) in zip(prepared.pieces, prepared.isReport) {
            guard reporter.placesPieces else { append(piece); continue }
            guard isReport else { unnumberedPieces.append(piece); continue }
            numberedReports += 1
            if numberedReports == 1 {
                firstPiece = piece
            } else {
                if let first = firstPiece { append(PiecePlace.fill(first, number: 1, several: true)) }
                firstPiece = nil
                append(PiecePlace.fill(piece, number: numberedReports, several: true))
            }
        }
        totals.add(prepared.totals)
        if buffer.count >= 1 << 20 { flush() }
    }

    /// Appends one piece, after its separator; nothing for an empty piece.
    private func append(_ piece: [UInt8]) {
        guard !piece.isEmpty else { return }
        buffer += reporter.separator(before: totals.pieces).utf8
        buffer += piece
        totals.pieces += 1
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        failure = buffer.withUnsafeBytes { AtomicFileWriter.writeAll($0, to: spool) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes the document: `run` gives the tool version, rules and resolved baseline entries
    /// (its `reports` are ignored: they were added one by one).
    public func finish(_ run: RunResult) throws(AtomicWriteError) {
        if let first = firstPiece { append(PiecePlace.fill(first, number: 1, several: false)) }  // the only report
        firstPiece = nil
        for (offset, piece) in unnumberedPieces.enumerated() {
            append(PiecePlace.fill(piece, number: numberedReports + offset + 1, several: false))
        }
        unnumberedPieces = []
        flush()
        if let failure { throw .failed(step: .write, path: destination, errno: failure) }
        let (before, after) = reporter.frame(run, totals: totals, options: options)
        try AtomicFileWriter.write(to: destination) { out in
            if let code = AtomicFileWriter.writeAll(Data(before.utf8), to: out) { return code }
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
            return AtomicFileWriter.writeAll(Data(after.utf8), to: out)
        }
    }
}
