import Foundation
import XCTest
@testable import RuleEngine
import YAML

/// The shipped schema against the shipped specification and examples.
final class ShippedSchemaTests: XCTestCase {
    func testShippedSchemaLoads() throws {
        let schema = try SchemaTestSupport.schema()
        XCTAssertEqual(schema.root.properties.map(\.name),
                       ["schema", "unit", "period", "submitted_on", "reporter", "direction", "documents",
                        "one_stop_shop", "archive", "feedback", "waivers"])
    }

    func testSpecificationExample() throws {
        let schema = try SchemaTestSupport.schema()
        let doc = try SchemaTestSupport.document(atPath: try SchemaTestSupport.sharedSpecFile("example-self-report.yaml"))
        let violations = schema.validate(doc)
        for v in violations { print(v.findingID, v.path, v.location, v.message) }
        XCTAssertEqual(SchemaTestSupport.summary(violations), [])
    }
}
