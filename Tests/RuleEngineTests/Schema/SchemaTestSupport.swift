import Foundation
import XCTest
@testable import RuleEngine
import YAML

/// Paths and loaders shared by the schema tests.
enum SchemaTestSupport {
    /// The repository root: this file is `Tests/RuleEngineTests/Schema/SchemaTestSupport.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func repositoryFile(_ relativePath: String) -> String {
        repositoryRoot.appendingPathComponent(relativePath).path
    }

    /// A file of the shared specification (`../shared/spec/` beside the repository). Fails
    /// the test loudly when it is missing instead of skipping.
    static func sharedSpecFile(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/spec/\(name)").path
        guard FileManager.default.fileExists(atPath: path) else {
            XCTFail("missing shared specification file \(path): the tests need ../shared/spec beside the repository",
                    file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return path
    }

    /// The shipped schema, compiled once for all tests.
    static let shippedSchema: Result<ReportSchema, Error> = Result {
        try ReportSchema.load(path: repositoryFile(ReportSchema.shippedPath))
    }

    static func schema() throws -> ReportSchema { try shippedSchema.get() }

    /// The single document of `text`.
    static func document(_ text: String, file: String = "test.yaml") throws -> YAMLDocument {
        let documents = try YAMLLoader().load(bytes: Array(text.utf8), file: file)
        return try XCTUnwrap(documents.first)
    }

    static func document(bytes: [UInt8], file: String = "test.yaml") throws -> YAMLDocument {
        try XCTUnwrap(try YAMLLoader().load(bytes: bytes, file: file).first)
    }

    static func document(atPath path: String) throws -> YAMLDocument {
        try XCTUnwrap(try YAMLLoader().load(contentsOf: path).first)
    }

    /// `ID path line:column` per violation: compact enough to compare whole lists exactly.
    static func summary(_ violations: [SchemaViolation]) -> [String] {
        violations.map { "\($0.findingID) \($0.path) \($0.location.line):\($0.location.column)" }
    }

    /// Every field reachable through `properties` and `items`, depth first, with its path
    /// (`documents.[].layout.font`).
    static func fields(of root: SchemaNode) -> [(String, SchemaNode)] {
        var result: [(String, SchemaNode)] = []
        func walk(_ node: SchemaNode, _ path: String) {
            for property in node.properties {
                let child = path.isEmpty ? property.name : path + "." + property.name
                result.append((child, property.schema))
                walk(property.schema, child)
            }
            if let items = node.items {
                result.append((path + ".[]", items))
                walk(items, path + ".[]")
            }
        }
        walk(root, "")
        return result
    }
}
