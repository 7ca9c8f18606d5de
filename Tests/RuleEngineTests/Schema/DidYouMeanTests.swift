import Foundation
import XCTest
@testable import RuleEngine

final class DidYouMeanTests: XCTestCase {
    func testTranspositionIsOneEdit() {
        XCTAssertEqual(DidYouMean.distance(Array("fnot"), Array("font")), 1)
        XCTAssertEqual(DidYouMean.distance(Array("kitten"), Array("sitting")), 3)
        XCTAssertEqual(DidYouMean.distance(Array(""), Array("abc")), 3)
        XCTAssertEqual(DidYouMean.closest(to: "fnot", among: ["paper", "font", "orientation"]), "font")
        XCTAssertEqual(DidYouMean.closest(to: "recieved", among: ["received", "resolved"]), "received")
        XCTAssertEqual(DidYouMean.closest(to: "Font", among: ["font"]), "font")
    }

    func testNothingCloseGivesNoSuggestion() {
        XCTAssertNil(DidYouMean.closest(to: "colour", among: ["paper", "font", "orientation"]))
        XCTAssertNil(DidYouMean.closest(to: "font", among: ["font", "fonts"]))  // already known
        XCTAssertNil(DidYouMean.closest(to: "x", among: []))
    }

    func testDecomposedTextMeasuresLikeComposed() {
        let composed = "tên_đơn_vị"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(composed.unicodeScalars.count, decomposed.unicodeScalars.count)
        XCTAssertEqual(DidYouMean.distance(Array(decomposed), Array(composed)), 0)
        // One wrong tone mark is one edit, however the text is normalised.
        XCTAssertEqual(DidYouMean.distance(Array("tèn_đơn_vị".decomposedStringWithCanonicalMapping), Array(composed)), 1)
        XCTAssertEqual(DidYouMean.closest(to: "tèn_đơn_vị".decomposedStringWithCanonicalMapping, among: ["mã", composed]), composed)
    }
}
