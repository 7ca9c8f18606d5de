import XCTest
@testable import RuleEngine

final class CalendarDateTests: XCTestCase {
    private func date(_ iso: String, file: StaticString = #filePath, line: UInt = #line) throws -> CalendarDate {
        try XCTUnwrap(CalendarDate(iso: iso), "\(iso) should parse", file: file, line: line)
    }

    func testParsesOnlyRealISODates() throws {
        XCTAssertEqual(try date("2022-01-14").description, "2022-01-14")
        XCTAssertEqual(try date("2024-02-29").day, 29)
        XCTAssertEqual(try date("2000-02-29").month, 2)  // divisible by 400: leap
        XCTAssertEqual(try date("0001-01-01").year, 1)
        XCTAssertEqual(try date("9999-12-31").year, 9999)
        for bad in ["2022-02-30", "2023-02-29", "1900-02-29", "2022-04-31", "2022-13-01", "2022-00-10", "2022-01-00",
                    "0000-01-01", "2022-1-14", "14/01/2022", "2022-01-14 ", " 2022-01-14", "2022-01-1४", "20220114",
                    "2022-01-14T00:00", "", "２０２２-01-14"] {
            XCTAssertNil(CalendarDate(iso: bad), bad)
        }
    }

    func testLeapYears() {
        XCTAssertTrue(CalendarDate.isLeapYear(2024))
        XCTAssertTrue(CalendarDate.isLeapYear(2000))
        XCTAssertFalse(CalendarDate.isLeapYear(1900))
        XCTAssertFalse(CalendarDate.isLeapYear(2023))
        XCTAssertEqual(CalendarDate.daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(CalendarDate.daysInMonth(year: 2100, month: 2), 28)
        XCTAssertEqual(CalendarDate.daysInMonth(year: 2022, month: 9), 30)
    }

    func testDaysSinceEpochRoundTrips() throws {
        XCTAssertEqual(try date("1970-01-01").daysSinceEpoch, 0)
        XCTAssertEqual(try date("1969-12-31").daysSinceEpoch, -1)
        XCTAssertEqual(try date("2000-03-01").daysSinceEpoch, 11_017)
        XCTAssertEqual(try date("0001-01-01").daysSinceEpoch, -719_162)
        XCTAssertEqual(try date("9999-12-31").daysSinceEpoch, 2_932_896)
        var day = try date("1899-12-25")
        for _ in 0 ..< 2000 {  // across 1900 (not leap) and 2000 (leap), in steps of 37 days
            XCTAssertEqual(CalendarDate(daysSinceEpoch: day.daysSinceEpoch), day)
            let next = try XCTUnwrap(day.adding(days: 37))
            XCTAssertEqual(day.days(to: next), 37)
            XCTAssertLessThan(day, next)
            day = next
        }
        XCTAssertNil(CalendarDate(daysSinceEpoch: -719_163))
        XCTAssertNil(CalendarDate(daysSinceEpoch: 2_932_897))
    }

    func testAddingDays() throws {
        XCTAssertEqual(try date("2024-02-28").adding(days: 1), try date("2024-02-29"))
        XCTAssertEqual(try date("2023-02-28").adding(days: 1), try date("2023-03-01"))
        XCTAssertEqual(try date("2022-12-31").adding(days: 1), try date("2023-01-01"))
        XCTAssertEqual(try date("2022-01-01").adding(days: -1), try date("2021-12-31"))
        XCTAssertEqual(try date("2021-09-30").adding(days: 365), try date("2022-09-30"))
        XCTAssertNil(try date("9999-12-31").adding(days: 1))
        XCTAssertNil(try date("0001-01-01").adding(days: -1))
        XCTAssertNil(try date("2022-01-01").adding(days: .max))
        XCTAssertNil(try date("2022-01-01").adding(days: .min))
    }

    func testAddingMonthsClampsToTheMonthEnd() throws {
        XCTAssertEqual(try date("2024-01-31").adding(months: 1), try date("2024-02-29"))
        XCTAssertEqual(try date("2023-01-31").adding(months: 1), try date("2023-02-28"))
        XCTAssertEqual(try date("2022-03-31").adding(months: 1), try date("2022-04-30"))
        XCTAssertEqual(try date("2021-09-30").adding(months: 3), try date("2021-12-30"))
        XCTAssertEqual(try date("2021-11-15").adding(months: 3), try date("2022-02-15"))
        XCTAssertEqual(try date("2022-03-31").adding(months: -1), try date("2022-02-28"))
        XCTAssertEqual(try date("2022-01-15").adding(months: -13), try date("2020-12-15"))
        XCTAssertEqual(try date("2022-05-10").adding(months: 0), try date("2022-05-10"))
        XCTAssertNil(try date("9999-12-01").adding(months: 1))
        XCTAssertNil(try date("0001-01-31").adding(months: -1))
        XCTAssertNil(try date("2022-01-01").adding(months: .max))
    }

    func testAddingYears() throws {
        XCTAssertEqual(try date("2024-02-29").adding(years: 1), try date("2025-02-28"))
        XCTAssertEqual(try date("2024-02-29").adding(years: 4), try date("2028-02-29"))
        XCTAssertEqual(try date("2020-12-31").adding(years: 1), try date("2021-12-31"))
        XCTAssertEqual(try date("2022-06-30").adding(years: -2), try date("2020-06-30"))
        XCTAssertNil(try date("2022-01-01").adding(years: 8000))
        XCTAssertNil(try date("2022-01-01").adding(years: .max))
    }

    func testDaysBetween() throws {
        XCTAssertEqual(try date("2022-01-01").days(to: date("2022-12-31")), 364)
        XCTAssertEqual(try date("2024-01-01").days(to: date("2024-12-31")), 365)
        XCTAssertEqual(try date("2022-03-15").days(to: date("2021-03-15")), -365)
        XCTAssertEqual(try date("2020-12-31").days(to: date("2022-03-15")), 439)
    }

    func testOrderingAndHashing() throws {
        let days = try ["2022-01-14", "2021-12-31", "2022-01-02", "2022-01-14"].map { try date($0) }
        XCTAssertEqual(days.sorted().map(\.description), ["2021-12-31", "2022-01-02", "2022-01-14", "2022-01-14"])
        XCTAssertEqual(Set(days).count, 3)
        XCTAssertNil(CalendarDate(year: 2022, month: 2, day: 29))
        XCTAssertEqual(CalendarDate(year: 7, month: 3, day: 9)?.description, "0007-03-09")
    }
}
