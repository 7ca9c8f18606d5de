import Foundation
import XCTest
import VietnameseAdmin

/// Reads the nd30 pack's data files as text (one flow mapping per `- {…}` line) and checks them
/// against the facts of `checks.md` written out in `Decree30Fixtures`.
final class PackDataFileTests: XCTestCase {
    private func dataFileText(_ name: String) throws -> String {
        let url = Decree30Fixtures.repositoryRoot.appendingPathComponent("Rules/nd30/data/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The items of a file of `- {key: value, key: value}` lines, values as written.
    private func flowItems(_ text: String) -> [[String: String]] {
        text.split(separator: "\n").compactMap { line -> [String: String]? in
            guard line.hasPrefix("- {"), line.hasSuffix("}") else { return nil }
            var item: [String: String] = [:]
            for pair in line.dropFirst(3).dropLast().components(separatedBy: ", ") {
                let keyAndValue = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                item[keyAndValue[0]] = keyAndValue[1]
            }
            return item
        }
    }

    /// A value that may be `null`.
    private func optional(_ value: String?) -> String? {
        value == "null" ? nil : value
    }

    func testDocumentTypesFileListsTheTwentyNineTypesOfChecksMd() throws {
        let text = try dataFileText("document-types.yaml")
        let items = flowItems(text)
        XCTAssertEqual(items.count, 29)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix("-") }.count, 29, "every item on one line")
        let entries = items.map { item in
            DocumentTypeEntry(name: item["name"] ?? "", abbreviation: optional(item["abbreviation"]),
                              qualifier: optional(item["qualifier"]))
        }
        XCTAssertEqual(entries, Decree30Fixtures.documentTypes)
        for item in items {
            XCTAssertNotNil(item["abbreviation"], "abbreviation written out, null for none: \(item)")
            XCTAssertTrue(Set(item.keys).isSubset(of: ["name", "abbreviation", "qualifier"]), "\(item)")
        }
        XCTAssertNoThrow(try DocumentTypeTable(entries: entries))
    }

    func testDocumentTypesFileCitesItsSource() throws {
        let text = try dataFileText("document-types.yaml")
        let comments = text.split(separator: "\n").filter { $0.hasPrefix("#") }.joined(separator: "\n")
        for citation in ["Decree 30/2020/NĐ-CP", "Điều 7", "Phụ lục III"] {
            XCTAssertTrue(comments.contains(citation), citation)
        }
    }

    func testSigningPrefixesFileListsTheFivePrefixes() throws {
        let text = try dataFileText("signing-prefixes.yaml")
        let items = flowItems(text)
        let prefixes = items.map { SigningPrefix(prefix: $0["prefix"] ?? "", meaning: $0["meaning"] ?? "") }
        XCTAssertEqual(prefixes, Decree30Fixtures.signingPrefixes)
        XCTAssertTrue(text.contains("Decree 30/2020/NĐ-CP"))
        XCTAssertNoThrow(try SigningPrefixTable(prefixes: prefixes))
    }

    func testDataFilesAreComposedUnicode() throws {
        for name in ["document-types.yaml", "signing-prefixes.yaml"] {
            let text = try dataFileText(name)
            XCTAssertEqual(Array(text.unicodeScalars), Array(text.nfc.unicodeScalars), name)
        }
    }
}
