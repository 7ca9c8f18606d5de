import XCTest
import VietnameseAdmin

final class PlaceDateLineTests: XCTestCase {
    private func assertDate(_ line: PlaceDateLine, _ year: Int, _ month: Int, _ day: Int,
                            file: StaticString = #filePath, lineNumber: UInt = #line) {
        guard let date = line.tolerantDate else {
            return XCTFail("no date read from \(line.text)", file: file, line: lineNumber)
        }
        XCTAssertEqual([date.year, date.month, date.day], [year, month, day], line.text, file: file, line: lineNumber)
    }

    // MARK: Well-formed lines

    func testWellFormedLinesHaveNoProblems() {
        let cases: [(String, String, Int, Int, Int)] = [
            ("Tiên Sơn, ngày 05 tháng 01 năm 2022", "Tiên Sơn", 2022, 1, 5),
            ("Tiên Sơn, ngày 14 tháng 01 năm 2022", "Tiên Sơn", 2022, 1, 14),
            ("Hà Nội, ngày 29 tháng 6 năm 2022", "Hà Nội", 2022, 6, 29),
            ("Thành phố Hồ Chí Minh, ngày 10 tháng 12 năm 2021", "Thành phố Hồ Chí Minh", 2021, 12, 10),
            ("Đà Nẵng, ngày 28 tháng 02 năm 2023", "Đà Nẵng", 2023, 2, 28),
            ("Huế, ngày 29 tháng 02 năm 2024", "Huế", 2024, 2, 29),
            ("Ủy ban, ngày 01 tháng 3 năm 2020", "Ủy ban", 2020, 3, 1),
            ("Xã Tiên Sơn, huyện Việt Yên, ngày 09 tháng 9 năm 2020", "Xã Tiên Sơn, huyện Việt Yên", 2020, 9, 9),
        ]
        for (text, place, year, month, day) in cases {
            for form in [text, text.nfd] {
                let line = PlaceDateLine(form)
                XCTAssertEqual(line.strictProblems, [], form)
                assertSameScalars(line.place, place)
                assertDate(line, year, month, day)
            }
        }
    }

    func testDecomposedLineReadsLikeComposed() {
        let text = "Đà Nẵng, ngày 05 tháng 01 năm 2022".nfd
        assertDecomposed(text)
        let line = PlaceDateLine(text)
        XCTAssertEqual(line.text, text)
        XCTAssertEqual(line.strictProblems, [])
        assertSameScalars(line.place, "Đà Nẵng")
        assertDate(line, 2022, 1, 5)
    }

    /// ND30-DATE-MATCH reads the date whatever the spacing (Decision 8); ND30-DATE-LINE judges it.
    func testTolerantDateIgnoresSpacing() {
        for text in ["Hà Nội,ngày 05 tháng 01 năm 2022", "  Hà Nội ,  ngày  05   tháng 01 năm   2022 ",
                     "Hà Nội,\u{00A0}ngày\u{00A0}05 tháng 01 năm 2022", "Hà Nội, ngày05tháng01năm2022",
                     "Hà Nội,ngày05tháng01năm2022"] {
            assertDate(PlaceDateLine(text), 2022, 1, 5)
        }
    }

    /// Runs of spaces, a no-break space or a tab between the parts are a space, as printed.
    func testRunsOfSpacesAndOtherSpacesAreAccepted() {
        for text in ["Tiên Sơn,  ngày 14  tháng 01 năm  2022", "  Hà Nội, ngày 05 tháng 01 năm 2022 ",
                     "Hà Nội,\u{00A0}ngày\u{00A0}05\u{00A0}tháng 01 năm\t2022"] {
            XCTAssertEqual(PlaceDateLine(text).strictProblems, [], text)
            XCTAssertEqual(PlaceDateLine(text.nfd).strictProblems, [], text)
        }
    }

    /// `Tiên Sơn,ngày14tháng01năm2022` passed ND30-DATE-LINE.
    func testMissingSpacesAreAProblemWithTheLineToWrite() {
        let all = "thiếu dấu cách sau dấu phẩy, giữa \"ngày\" và \"14\", giữa \"14\" và \"tháng\", "
            + "giữa \"tháng\" và \"01\", giữa \"01\" và \"năm\", giữa \"năm\" và \"2022\"; "
            + "viết: \"Tiên Sơn, ngày 14 tháng 01 năm 2022\""
        let cases: [(String, [String])] = [
            ("Tiên Sơn,ngày14tháng01năm2022", [all]),
            ("Tiên Sơn, ngày 14 tháng 01 năm2022",
             ["thiếu dấu cách giữa \"năm\" và \"2022\"; viết: \"Tiên Sơn, ngày 14 tháng 01 năm 2022\""]),
            ("Tiên Sơn,ngày 14 tháng 01 năm 2022",
             ["thiếu dấu cách sau dấu phẩy; viết: \"Tiên Sơn, ngày 14 tháng 01 năm 2022\""]),
            // The line to write corrects the rest too, when it can be written.
            ("Tiên Sơn, ngày5 tháng 1 năm 2022",
             ["thiếu dấu cách giữa \"ngày\" và \"5\"; viết: \"Tiên Sơn, ngày 05 tháng 01 năm 2022\"",
              "ngày 5 phải viết 05", "tháng 1 phải viết 01"]),
            ("Tiên Sơn ngày 14 tháng01 năm 2022",
             ["thiếu dấu phẩy sau địa danh \"Tiên Sơn\"",
              "thiếu dấu cách giữa \"tháng\" và \"01\"; viết: \"Tiên Sơn, ngày 14 tháng 01 năm 2022\""]),
            // None when it cannot: no such day, no capital, no place.
            ("Tiên Sơn, ngày31 tháng 02 năm 2022",
             ["thiếu dấu cách giữa \"ngày\" và \"31\"", "không có ngày 31 tháng 02 năm 2022"]),
            ("tiên Sơn, ngày 14 tháng 01năm 2022",
             ["địa danh \"tiên Sơn\" phải viết hoa chữ cái đầu", "thiếu dấu cách giữa \"01\" và \"năm\""]),
            ("ngày14 tháng 01 năm 2022", ["thiếu địa danh trước \"ngày\"", "thiếu dấu cách giữa \"ngày\" và \"14\""]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(PlaceDateLine(text).strictProblems.map(\.message), expected, text)
            XCTAssertEqual(PlaceDateLine(text.nfd).strictProblems.map(\.message), expected, text)
        }
    }

    /// The comma follows the place without a space, as printed (`Tiên Sơn,`).
    func testSpaceBeforeTheCommaIsAProblem() {
        XCTAssertEqual(PlaceDateLine("Tiên Sơn , ngày 14 tháng 01 năm 2022").strictProblems.map(\.message),
                       ["dấu phẩy phải viết liền sau địa danh: \"Tiên Sơn,\""])
        XCTAssertEqual(PlaceDateLine("Tiên Sơn\u{00A0},ngày 14 tháng 01 năm 2022").strictProblems.map(\.message),
                       ["dấu phẩy phải viết liền sau địa danh: \"Tiên Sơn,\"",
                        "thiếu dấu cách sau dấu phẩy; viết: \"Tiên Sơn, ngày 14 tháng 01 năm 2022\""])
    }

    /// A full-width comma (U+FF0C, from an East Asian input method) after the place was told
    /// "thiếu dấu phẩy sau địa danh "Tiên Sơn，"": it is named as the wrong character, with the
    /// place as it should end. A space after it is still required; the date is still read.
    func testFullWidthCommaIsNamedNotMissing() {
        let named = "ký tự sau địa danh \"Tiên Sơn\" là \"\u{FF0C} [\u{FF0C} là U+FF0C, không phải ,]\"; viết dấu phẩy: \"Tiên Sơn,\""
        for text in ["Tiên Sơn\u{FF0C} ngày 14 tháng 01 năm 2022", "Tiên Sơn \u{FF0C} ngày 14 tháng 01 năm 2022"] {
            XCTAssertEqual(PlaceDateLine(text).strictProblems,
                           [.commaLookalike(place: "Tiên Sơn", written: "\u{FF0C}")], text)
            XCTAssertEqual(PlaceDateLine(text.nfd).strictProblems.map(\.message), [named], text)
            XCTAssertEqual(PlaceDateLine(text).place, "Tiên Sơn")
            assertDate(PlaceDateLine(text), 2022, 1, 14)
        }
        XCTAssertEqual(PlaceDateLine("Tiên Sơn\u{FF0C}ngày 14 tháng 01 năm 2022").strictProblems.map(\.message),
                       [named, "thiếu dấu cách sau dấu phẩy; viết: \"Tiên Sơn, ngày 14 tháng 01 năm 2022\""])
    }

    /// `Tiên Sơn,, ngày …` passed (the place read as `Tiên Sơn,`), and `Tiên Sơn,， ngày …` was
    /// told to write `Tiên Sơn,,`: one comma too many, with the place written right.
    func testARepeatedCommaIsOneTooMany() {
        for text in ["Tiên Sơn,, ngày 14 tháng 01 năm 2022", "Tiên Sơn,\u{FF0C} ngày 14 tháng 01 năm 2022",
                     "Tiên Sơn , , ngày 14 tháng 01 năm 2022"] {
            XCTAssertEqual(PlaceDateLine(text).strictProblems, [.repeatedComma(place: "Tiên Sơn")], text)
            XCTAssertEqual(PlaceDateLine(text).strictProblems.map(\.message), ["thừa dấu phẩy sau địa danh: viết \"Tiên Sơn,\""], text)
            assertDate(PlaceDateLine(text), 2022, 1, 14)
            XCTAssertEqual(PlaceDateLine(text).place, "Tiên Sơn", text)
        }
        // Commas and no place: the place is missing, not "," to capitalise.
        XCTAssertEqual(PlaceDateLine(",, ngày 14 tháng 01 năm 2022").strictProblems, [.missingPlace])
        // The whole line is still proposed where a space is missing too.
        XCTAssertEqual(PlaceDateLine("Tiên Sơn,,ngày 14 tháng 01 năm 2022").strictProblems.map(\.message).last,
                       "thiếu dấu cách sau dấu phẩy; viết: \"Tiên Sơn, ngày 14 tháng 01 năm 2022\"")
    }

    // MARK: Strict problems

    func testStrictProblems() {
        let cases: [(String, [PlaceDateLineProblem])] = [
            ("Tiên Sơn, ngày 5 tháng 01 năm 2022", [.wrongDayDigits(written: "5", expected: "05")]),
            ("Tiên Sơn, ngày 005 tháng 01 năm 2022", [.wrongDayDigits(written: "005", expected: "05")]),
            ("Tiên Sơn, ngày 010 tháng 01 năm 2022", [.wrongDayDigits(written: "010", expected: "10")]),
            ("Tiên Sơn, ngày 05 tháng 1 năm 2022", [.wrongMonthDigits(written: "1", expected: "01")]),
            ("Tiên Sơn, ngày 05 tháng 2 năm 2022", [.wrongMonthDigits(written: "2", expected: "02")]),
            ("Tiên Sơn, ngày 05 tháng 03 năm 2022", [.wrongMonthDigits(written: "03", expected: "3")]),
            ("Tiên Sơn, ngày 29 tháng 06 năm 2022", [.wrongMonthDigits(written: "06", expected: "6")]),
            ("Tiên Sơn, ngày 05 tháng 012 năm 2022", [.wrongMonthDigits(written: "012", expected: "12")]),
            ("Tiên Sơn ngày 05 tháng 01 năm 2022", [.missingComma(place: "Tiên Sơn")]),
            ("tiên Sơn, ngày 05 tháng 01 năm 2022", [.placeNotCapitalised(place: "tiên Sơn")]),
            ("đà Nẵng, ngày 05 tháng 01 năm 2022", [.placeNotCapitalised(place: "đà Nẵng")]),
            ("ngày 05 tháng 01 năm 2022", [.missingPlace]),
            (", ngày 05 tháng 01 năm 2022", [.missingPlace]),
            ("Tiên Sơn, Ngày 05 Tháng 01 NĂM 2022",
             [.wordNotLowercase(written: "Ngày", expected: "ngày"), .wordNotLowercase(written: "Tháng", expected: "tháng"),
              .wordNotLowercase(written: "NĂM", expected: "năm")]),
            ("Tiên Sơn, ngày 05 tháng 01 năm 22", [.yearNotFourDigits(written: "22")]),
            ("Tiên Sơn, ngày 05 tháng 01 năm 02022", [.yearNotFourDigits(written: "02022")]),
            ("Tiên Sơn, ngày 31 tháng 02 năm 2022", [.nonexistentDay(day: "31", month: "02", year: "2022")]),
            ("Tiên Sơn, ngày 29 tháng 02 năm 2023", [.nonexistentDay(day: "29", month: "02", year: "2023")]),
            ("Tiên Sơn, ngày 29 tháng 02 năm 1900", [.nonexistentDay(day: "29", month: "02", year: "1900")]),
            ("Tiên Sơn, ngày 31 tháng 4 năm 2022", [.nonexistentDay(day: "31", month: "4", year: "2022")]),
            ("Tiên Sơn, ngày 00 tháng 01 năm 2022", [.nonexistentDay(day: "00", month: "01", year: "2022")]),
            ("Tiên Sơn, ngày 32 tháng 01 năm 2022", [.nonexistentDay(day: "32", month: "01", year: "2022")]),
            ("Tiên Sơn, ngày 05 tháng 13 năm 2022", [.nonexistentMonth(written: "13")]),
            ("Tiên Sơn, ngày 05 tháng 0 năm 2022", [.nonexistentMonth(written: "0")]),
            ("Tiên Sơn, ngày 01 tháng 01 năm 0000", [.nonexistentDay(day: "01", month: "01", year: "0000")]),
            ("tiên sơn ngày 5 Tháng 03 năm 2022",
             [.placeNotCapitalised(place: "tiên sơn"), .missingComma(place: "tiên sơn"),
              .wordNotLowercase(written: "Tháng", expected: "tháng"), .wrongDayDigits(written: "5", expected: "05"),
              .wrongMonthDigits(written: "03", expected: "3")]),
            ("Tiên Sơn, ngày 31 tháng 2 năm 2022",
             [.wrongMonthDigits(written: "2", expected: "02"), .nonexistentDay(day: "31", month: "2", year: "2022")]),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(PlaceDateLine(text).strictProblems, expected, text)
            XCTAssertEqual(PlaceDateLine(text.nfd).strictProblems, expected, text)
        }
    }

    func testPlaceCapitalisationLooksAtTheFirstLetter() {
        XCTAssertEqual(PlaceDateLine("\"Hà Nội\", ngày 05 tháng 01 năm 2022").strictProblems, [])
        XCTAssertEqual(PlaceDateLine("123, ngày 05 tháng 01 năm 2022").strictProblems,
                       [.placeNotCapitalised(place: "123")])
        let decomposed = "đà Nẵng, ngày 05 tháng 01 năm 2022".nfd
        assertDecomposed(decomposed)
        guard case let .placeNotCapitalised(place) = PlaceDateLine(decomposed).strictProblems.first else {
            return XCTFail("lower-case đ not reported")
        }
        assertSameScalars(place, "đà Nẵng")
    }

    func testUnreadableLines() {
        for text in ["", "Tiên Sơn", "Tiên Sơn, 05/01/2022", "Tiên Sơn, ngày 05 tháng 01",
                     "Tiên Sơn, ngày 05 tháng 01 năm 2022.", "Ha Noi, ngay 05 thang 01 nam 2022",
                     "Tiên Sơn, ngày năm tháng 01 năm 2022", "Tiên Sơn, ngày 05 tháng một năm 2022",
                     "Tiên Sơn, ngày 05 tháng 01 năm 99999999999999999999999"] {
            let line = PlaceDateLine(text)
            XCTAssertEqual(line.strictProblems, [.unreadable(line: text)], text)
            XCTAssertNil(line.tolerantDate, text)
            XCTAssertNil(line.place, text)
        }
    }

    // MARK: Tolerant reading

    func testTolerantDateForgivesFormatting() {
        let cases: [(String, Int, Int, Int)] = [
            ("Tiên Sơn, ngày 5 tháng 1 năm 2022", 2022, 1, 5),
            ("Tiên Sơn ngày 005 tháng 03 năm 2022", 2022, 3, 5),
            ("  Tiên Sơn ,  ngày  14   tháng 01 năm   2022  ", 2022, 1, 14),
            ("tiên sơn, NGÀY 29 THÁNG 6 NĂM 2022", 2022, 6, 29),
            ("ngày 10 tháng 12 năm 2021", 2021, 12, 10),
        ]
        for (text, year, month, day) in cases {
            assertDate(PlaceDateLine(text), year, month, day)
            assertDate(PlaceDateLine(text.nfd), year, month, day)
        }
    }

    /// A day that does not exist, or a year not in four digits, is no date to compare with
    /// `issued_on`: ND30-DATE-LINE alone reports the slip (`năm 22` gave DATE-MATCH too).
    func testTolerantDateIsNilForDaysThatDoNotExistAndYearsNotInFourDigits() {
        for text in ["Tiên Sơn, ngày 31 tháng 02 năm 2022", "Tiên Sơn, ngày 05 tháng 13 năm 2022",
                     "Tiên Sơn, ngày 0 tháng 1 năm 2022", "Tiên Sơn, ngày 29 tháng 2 năm 2100",
                     "Tiên Sơn, ngày 05 tháng 01 năm 22", "Tiên Sơn, ngày 05 tháng 01 năm 02022"] {
            XCTAssertNil(PlaceDateLine(text).tolerantDate, text)
        }
        assertDate(PlaceDateLine("Tiên Sơn, ngày 29 tháng 2 năm 2000"), 2000, 2, 29)
    }

    func testPlaceIsNilWithoutPlace() {
        XCTAssertNil(PlaceDateLine("ngày 05 tháng 01 năm 2022").place)
        XCTAssertEqual(PlaceDateLine("Tiên Sơn ngày 05 tháng 01 năm 2022").place, "Tiên Sơn")
    }

    // MARK: Rendering

    func testRenderWritesDecree30Line() {
        XCTAssertEqual(PlaceDateLine.render(place: "Hà Nội", year: 2022, month: 1, day: 5),
                       "Hà Nội, ngày 05 tháng 01 năm 2022")
        XCTAssertEqual(PlaceDateLine.render(place: "Hà Nội", year: 2022, month: 6, day: 29),
                       "Hà Nội, ngày 29 tháng 6 năm 2022")
        XCTAssertEqual(PlaceDateLine.render(place: "Hà Nội", year: 2022, month: 12, day: 10),
                       "Hà Nội, ngày 10 tháng 12 năm 2022")
        XCTAssertEqual(PlaceDateLine.render(place: "Tiên Sơn", year: 2020, month: 2, day: 9),
                       "Tiên Sơn, ngày 09 tháng 02 năm 2020")
        XCTAssertEqual(PlaceDateLine.render(place: "Tiên Sơn", year: 2020, month: 3, day: 31),
                       "Tiên Sơn, ngày 31 tháng 3 năm 2020")
        assertSameScalars(PlaceDateLine.render(place: "Đà Nẵng".nfd, year: 2023, month: 7, day: 1),
                          "Đà Nẵng, ngày 01 tháng 7 năm 2023")
    }

    func testRenderedLinesPassTheStrictReading() {
        for month in 1...12 {
            for day in [1, 9, 10, 28] {
                let line = PlaceDateLine(PlaceDateLine.render(place: "Tiên Sơn", year: 2024, month: month, day: day))
                XCTAssertEqual(line.strictProblems, [], line.text)
                assertDate(line, 2024, month, day)
            }
        }
    }

    // MARK: Messages

    func testEveryProblemMessage() {
        let cases: [(PlaceDateLineProblem, String)] = [
            (.unreadable(line: "Tiên Sơn, 05/01/2022"),
             "không đọc được dòng địa danh, ngày tháng \"Tiên Sơn, 05/01/2022\"; "
                + "phải có dạng \"<địa danh>, ngày <ngày> tháng <tháng> năm <năm>\""),
            (.missingPlace, "thiếu địa danh trước \"ngày\""),
            (.placeNotCapitalised(place: "tiên Sơn"), "địa danh \"tiên Sơn\" phải viết hoa chữ cái đầu"),
            (.missingComma(place: "Tiên Sơn"), "thiếu dấu phẩy sau địa danh \"Tiên Sơn\""),
            (.commaLookalike(place: "Tiên Sơn", written: "\u{FF0C}"),
             "ký tự sau địa danh \"Tiên Sơn\" là \"\u{FF0C} [\u{FF0C} là U+FF0C, không phải ,]\"; viết dấu phẩy: \"Tiên Sơn,\""),
            (.spaceBeforeComma(place: "Tiên Sơn"), "dấu phẩy phải viết liền sau địa danh: \"Tiên Sơn,\""),
            (.missingSpaces(between: [.init(",", "ngày"), .init("năm", "2022")], corrected: "Tiên Sơn, ngày 14 tháng 01 năm 2022"),
             "thiếu dấu cách sau dấu phẩy, giữa \"năm\" và \"2022\"; viết: \"Tiên Sơn, ngày 14 tháng 01 năm 2022\""),
            (.missingSpaces(between: [.init("ngày", "31")], corrected: nil), "thiếu dấu cách giữa \"ngày\" và \"31\""),
            (.wordNotLowercase(written: "Ngày", expected: "ngày"), "\"Ngày\" phải viết thường: \"ngày\""),
            (.wrongDayDigits(written: "5", expected: "05"), "ngày 5 phải viết 05"),
            (.wrongDayDigits(written: "010", expected: "10"), "ngày 10 không viết số 0 đứng đầu (viết 10, không viết 010)"),
            (.wrongMonthDigits(written: "1", expected: "01"), "tháng 1 phải viết 01"),
            (.wrongMonthDigits(written: "03", expected: "3"), "tháng 3 không viết số 0 đứng đầu (viết 3, không viết 03)"),
            (.yearNotFourDigits(written: "22"), "năm 22 phải viết bằng bốn chữ số"),
            (.nonexistentMonth(written: "13"), "không có tháng 13"),
            (.nonexistentDay(day: "31", month: "02", year: "2022"), "không có ngày 31 tháng 02 năm 2022"),
        ]
        for (problem, message) in cases {
            assertSameScalars(problem.message, message)
        }
    }
}
