import XCTest
@testable import RuleEngine
import YAML

/// Keyword-by-keyword conformance cases in the layout of the JSON-Schema-Test-Suite (groups of
/// `description`, `schema`, `tests: [{description, data, valid}]`), written for the keywords
/// this validator implements and the draft 2020-12 semantics the suite checks for them:
/// keywords ignore instances of other types, `1.0` is an integer, `false` is not `0`, formats
/// are RFC 3339 `full-date`, `required` names are compared exactly.
final class KeywordConformanceTests: XCTestCase {
    static let cases = #"""
        - description: type, single and list
          schema: {type: integer}
          tests:
            - {description: integer, data: 1, valid: true}
            - {description: float with zero fraction is an integer, data: 1.0, valid: true}
            - {description: float, data: 1.5, valid: false}
            - {description: numeric string, data: "1", valid: false}
            - {description: boolean, data: true, valid: false}
            - {description: null, data: null, valid: false}
            - {description: object, data: {}, valid: false}
        - description: type list
          schema: {type: [string, "null"]}
          tests:
            - {description: string, data: a, valid: true}
            - {description: null, data: ~, valid: true}
            - {description: number, data: 1, valid: false}
            - {description: array, data: [], valid: false}
        - description: number accepts integers
          schema: {type: number}
          tests:
            - {description: integer, data: 3, valid: true}
            - {description: float, data: 3.25, valid: true}
            - {description: string, data: "3", valid: false}
        - description: boolean, object, array
          schema: {anyOf: [{type: boolean}, {type: object}, {type: array}]}
          tests:
            - {description: false, data: false, valid: true}
            - {description: object, data: {a: 1}, valid: true}
            - {description: array, data: [1], valid: true}
            - {description: zero is not false, data: 0, valid: false}
            - {description: string true, data: "true", valid: false}
        - description: required
          schema: {properties: {foo: {}, bar: {}}, required: [foo]}
          tests:
            - {description: present, data: {foo: 1}, valid: true}
            - {description: missing, data: {bar: 1}, valid: false}
            - {description: ignores arrays, data: [], valid: true}
            - {description: ignores strings, data: "", valid: true}
            - {description: ignores numbers, data: 12, valid: true}
            - {description: null value still present, data: {foo: null}, valid: true}
        - description: required with escaped characters and object-property names
          schema: {required: ["foo\nbar", "foo\"bar", "__proto__", "toString"]}
          tests:
            - {description: all present, data: {"foo\nbar": 1, "foo\"bar": 1, "__proto__": 1, "toString": 1}, valid: true}
            - {description: some missing, data: {"foo\nbar": 1, "__proto__": 1}, valid: false}
            - {description: none present, data: {}, valid: false}
        - description: properties and additionalProperties false
          schema: {properties: {foo: {type: integer}, bar: {type: string}}, additionalProperties: false}
          tests:
            - {description: known properties, data: {foo: 1, bar: b}, valid: true}
            - {description: wrong type inside, data: {foo: x}, valid: false}
            - {description: additional property, data: {foo: 1, quux: 2}, valid: false}
            - {description: ignores arrays, data: [1, 2], valid: true}
            - {description: ignores strings, data: foobarbaz, valid: true}
        - description: additionalProperties true and absent allow anything
          schema: {allOf: [{properties: {foo: {}}, additionalProperties: true}, {properties: {foo: {}}}]}
          tests:
            - {description: additional property, data: {foo: 1, bar: 2}, valid: true}
        - description: additionalProperties does not look into allOf siblings
          schema: {allOf: [{properties: {foo: {}}}], additionalProperties: false}
          tests:
            - {description: foo is additional here, data: {foo: 1}, valid: false}
            - {description: empty object, data: {}, valid: true}
        - description: items
          schema: {items: {type: integer}}
          tests:
            - {description: all integers, data: [1, 2, 3], valid: true}
            - {description: one wrong, data: [1, x], valid: false}
            - {description: empty array, data: [], valid: true}
            - {description: ignores objects, data: {"0": x}, valid: true}
        - description: nested items
          schema: {items: {items: {type: number}}}
          tests:
            - {description: numbers, data: [[1], [2.5, 3]], valid: true}
            - {description: deep string, data: [[1], [a]], valid: false}
        - description: enum
          schema: {enum: [1, foo, null, true]}
          tests:
            - {description: member, data: 1, valid: true}
            - {description: member as float, data: 1.0, valid: true}
            - {description: string member, data: foo, valid: true}
            - {description: null member, data: null, valid: true}
            - {description: true member, data: true, valid: true}
            - {description: not a member, data: 4, valid: false}
            - {description: string of a member, data: "1", valid: false}
            - {description: false is not true, data: false, valid: false}
            - {description: object, data: {foo: 1}, valid: false}
        - description: enum with false does not match 0
          schema: {enum: [false]}
          tests:
            - {description: false, data: false, valid: true}
            - {description: zero, data: 0, valid: false}
            - {description: zero float, data: 0.0, valid: false}
        - description: enum with 0 does not match false
          schema: {enum: [0]}
          tests:
            - {description: zero, data: 0, valid: true}
            - {description: false, data: false, valid: false}
        - description: enum strings compare by canonical equivalence
          schema: {enum: ["Kế hoạch"]}
          tests:
            - {description: composed, data: "Kế hoạch", valid: true}
            - {description: decomposed, data: "Ke\u0302\u0301 hoa\u0323ch", valid: true}
            - {description: other tone, data: "Kề hoạch", valid: false}
        - description: const
          schema: {const: 2}
          tests:
            - {description: same, data: 2, valid: true}
            - {description: same as float, data: 2.0, valid: true}
            - {description: other, data: 5, valid: false}
            - {description: string, data: "2", valid: false}
        - description: const null
          schema: {const: null}
          tests:
            - {description: null, data: null, valid: true}
            - {description: zero, data: 0, valid: false}
            - {description: empty string, data: "", valid: false}
        - description: minimum
          schema: {minimum: 1.1}
          tests:
            - {description: above, data: 2.6, valid: true}
            - {description: boundary, data: 1.1, valid: true}
            - {description: below, data: 0.6, valid: false}
            - {description: ignores strings, data: x, valid: true}
        - description: minimum with a negative integer
          schema: {minimum: -2}
          tests:
            - {description: negative above, data: -1, valid: true}
            - {description: boundary, data: -2, valid: true}
            - {description: boundary as float, data: -2.0, valid: true}
            - {description: below, data: -2.0001, valid: false}
        - description: maximum
          schema: {maximum: 3.0}
          tests:
            - {description: below, data: 2.6, valid: true}
            - {description: boundary, data: 3, valid: true}
            - {description: above, data: 3.5, valid: false}
            - {description: ignores booleans, data: true, valid: true}
        - description: exclusiveMinimum and exclusiveMaximum
          schema: {exclusiveMinimum: 1.1, exclusiveMaximum: 3}
          tests:
            - {description: between, data: 1.2, valid: true}
            - {description: lower boundary, data: 1.1, valid: false}
            - {description: upper boundary, data: 3.0, valid: false}
            - {description: ignores null, data: null, valid: true}
        - description: minLength counts code points
          schema: {minLength: 2}
          tests:
            - {description: longer, data: foo, valid: true}
            - {description: exact, data: fo, valid: true}
            - {description: too short, data: f, valid: false}
            - {description: ignores numbers, data: 1, valid: true}
            - {description: one supplementary code point is one, data: "💩", valid: false}
            - {description: two supplementary code points, data: "💩💩", valid: true}
        - description: format date is asserted on strings only
          schema: {format: date}
          tests:
            - {description: ignores integers, data: 12, valid: true}
            - {description: ignores objects, data: {}, valid: true}
            - {description: valid, data: "1963-06-19", valid: true}
            - {description: 31 January, data: "2020-01-31", valid: true}
            - {description: 32 January, data: "2020-01-32", valid: false}
            - {description: 30 February in a leap year, data: "2020-02-30", valid: false}
            - {description: 29 February 2021, data: "2021-02-29", valid: false}
            - {description: 29 February 2020, data: "2020-02-29", valid: true}
            - {description: 29 February 0100, data: "0100-02-29", valid: false}
            - {description: 29 February 0400, data: "0400-02-29", valid: true}
            - {description: 31 April, data: "2020-04-31", valid: false}
            - {description: month 13, data: "1998-13-01", valid: false}
            - {description: month 00, data: "2024-00-15", valid: false}
            - {description: day 00, data: "2024-01-00", valid: false}
            - {description: day-month-year, data: "06/19/1963", valid: false}
            - {description: ordinal date, data: "2013-350", valid: false}
            - {description: unpadded month, data: "1998-1-20", valid: false}
            - {description: unpadded day, data: "1998-01-1", valid: false}
            - {description: no dashes, data: "20230328", valid: false}
            - {description: date-time, data: "2020-11-28T23:55:45Z", valid: false}
            - {description: leading space, data: " 2024-01-15", valid: false}
            - {description: trailing space, data: "2024-01-15 ", valid: false}
            - {description: empty, data: "", valid: false}
            - {description: trailing Z, data: "2020-01-01Z", valid: false}
            - {description: five-digit year, data: "12020-01-01", valid: false}
            - {description: signed year, data: "+2020-01-01", valid: false}
            - {description: Bengali digit, data: "1963-06-1৪", valid: false}
            - {description: dot separators, data: "2020.01.01", valid: false}
            - {description: year 0001, data: "0001-01-01", valid: true}
        - description: allOf
          schema: {allOf: [{properties: {bar: {type: integer}}, required: [bar]}, {properties: {foo: {type: string}}, required: [foo]}]}
          tests:
            - {description: both, data: {foo: baz, bar: 2}, valid: true}
            - {description: second missing, data: {bar: 2}, valid: false}
            - {description: first missing, data: {foo: baz}, valid: false}
            - {description: wrong type, data: {foo: baz, bar: quux}, valid: false}
        - description: allOf with base schema
          schema: {properties: {bar: {type: integer}}, required: [bar], allOf: [{required: [foo]}, {required: [baz]}]}
          tests:
            - {description: all, data: {foo: a, bar: 2, baz: null}, valid: true}
            - {description: base missing, data: {foo: a, baz: null}, valid: false}
            - {description: one member missing, data: {bar: 2, foo: a}, valid: false}
        - description: anyOf
          schema: {anyOf: [{type: integer}, {minimum: 2}]}
          tests:
            - {description: first, data: 1, valid: true}
            - {description: second, data: 2.5, valid: true}
            - {description: both, data: 3, valid: true}
            - {description: neither, data: 1.5, valid: false}
        - description: anyOf with base schema
          schema: {type: string, anyOf: [{minLength: 4}, {enum: [ab]}]}
          tests:
            - {description: base fails, data: 3, valid: false}
            - {description: one holds, data: foobar, valid: true}
            - {description: none holds, data: foo, valid: false}
        - description: oneOf
          schema: {oneOf: [{type: integer}, {minimum: 2}]}
          tests:
            - {description: first only, data: 1, valid: true}
            - {description: second only, data: 2.5, valid: true}
            - {description: both, data: 3, valid: false}
            - {description: neither, data: 1.5, valid: false}
        - description: oneOf with required
          schema: {type: object, oneOf: [{required: [foo, bar]}, {required: [foo, baz]}]}
          tests:
            - {description: neither, data: {bar: 2}, valid: false}
            - {description: first, data: {foo: 1, bar: 2}, valid: true}
            - {description: second, data: {foo: 1, baz: 3}, valid: true}
            - {description: both, data: {foo: 1, bar: 2, baz: 3}, valid: false}
        - description: if and then without else
          schema: {if: {exclusiveMaximum: 0}, then: {minimum: -10}}
          tests:
            - {description: valid through then, data: -1, valid: true}
            - {description: invalid through then, data: -100, valid: false}
            - {description: if fails, data: 3, valid: true}
        - description: lone if
          schema: {if: {const: 0}}
          tests:
            - {description: matches, data: 0, valid: true}
            - {description: does not match, data: hello, valid: true}
        - description: then and else
          schema: {if: {exclusiveMaximum: 0}, then: {minimum: -10}, else: {maximum: 5}}
          tests:
            - {description: valid through then, data: -1, valid: true}
            - {description: invalid through then, data: -100, valid: false}
            - {description: valid through else, data: 4, valid: true}
            - {description: invalid through else, data: 7, valid: false}
        - description: if written after then and else
          schema: {then: {const: "yes"}, else: {const: other}, if: {minLength: 4}}
          tests:
            - {description: long goes to then and fails, data: other, valid: false}
            - {description: short goes to else and fails, data: "yes", valid: false}
            - {description: long but not yes, data: "yess", valid: false}
        - description: $ref to $defs, with sibling keywords applying too
          schema: {$defs: {positive: {type: integer, minimum: 1}}, properties: {n: {$ref: "#/$defs/positive", maximum: 10}}}
          tests:
            - {description: valid, data: {n: 5}, valid: true}
            - {description: fails the referenced schema, data: {n: 0}, valid: false}
            - {description: fails the sibling, data: {n: 11}, valid: false}
            - {description: wrong type, data: {n: a}, valid: false}
        - description: $ref chains
          schema: {$defs: {a: {$ref: "#/$defs/b"}, b: {type: string}}, items: {$ref: "#/$defs/a"}}
          tests:
            - {description: strings, data: [x, y], valid: true}
            - {description: number, data: [x, 1], valid: false}
        - description: annotations do not assert
          schema: {title: T, description: D, default: 5, examples: [1], $comment: c, type: string}
          tests:
            - {description: string, data: x, valid: true}
            - {description: default value is not valid by itself, data: 5, valid: false}
        """#

    func testKeywordCases() throws {
        let doc = try SchemaTestSupport.document(Self.cases, file: "keyword-cases.yaml")
        let groups = try XCTUnwrap(doc.root)
        var ran = 0
        for group in doc.items(groups) {
            let name = doc.text(try XCTUnwrap(doc.value(forKey: "description", in: group)))
            let schema = try ReportSchema(document: doc, schemaAt: try XCTUnwrap(doc.value(forKey: "schema", in: group)))
            for test in doc.items(try XCTUnwrap(doc.value(forKey: "tests", in: group))) {
                let description = doc.text(try XCTUnwrap(doc.value(forKey: "description", in: test)))
                let data = try XCTUnwrap(doc.value(forKey: "data", in: test))
                let valid = doc.scalarValue(try XCTUnwrap(doc.value(forKey: "valid", in: test))) == .bool(true)
                let violations = schema.validate(data, in: doc)
                XCTAssertEqual(violations.isEmpty, valid,
                               "\(name) — \(description): \(violations.map { "\($0.path) \($0.message)" })")
                ran += 1
            }
        }
        XCTAssertGreaterThan(ran, 150)
    }
}
