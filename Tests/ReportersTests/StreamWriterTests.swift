import Foundation
import RuleEngine
import XCTest
@testable import Reporters

/// `StreamWriter` writes, report by report, the bytes `render` gives for the whole run, in
/// every streaming format, including findings of rules the run does not describe (SARIF lists
/// them after the others from the writer's totals; JUnit names their cases after a finding),
/// waived and baselined ones; Markdown and HTML number their sections only in a run of several.
final class StreamWriterTests: XCTestCase {
    func testStreamedDocumentIsTheRenderedDocument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-stream-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, run) in Fixtures.all {
            for format in ReporterRegistry.formats {
                let options = ReportOptions(quiet: format == "text", generatedAt: Date(timeIntervalSince1970: 1_700_000_000))
                let path = folder + "/\(name).\(format)"
                let writer = try XCTUnwrap(StreamWriter.forFormat(format, options: options, destination: path, rules: run.rules,
                                                                  comparedWithBaseline: run.comparedWithBaseline, directory: folder),
                                           "\(format) streams")
                for report in run.reports { writer.add(writer.prepare([report])) }
                try writer.finish(RunResult(toolVersion: run.toolVersion, reports: [], rules: run.rules,
                                            resolvedBaselineEntries: run.resolvedBaselineEntries))
                let expected = ReporterRegistry.reporter(for: format)!.render(run, options: options)
                XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), expected, "\(name) as \(format)")
            }
        }
    }
}
