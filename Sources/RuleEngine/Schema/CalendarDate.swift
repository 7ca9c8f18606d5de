/// A day of the proleptic Gregorian calendar, years 1 through 9999 — the dates a report's
/// `YYYY-MM-DD` fields can hold and the rule language's date type.
///
/// Every value is a real calendar date: `2022-02-30` cannot be built. Arithmetic that would
/// leave the representable range returns nil instead of trapping, so values a rule computes from
/// user data can never crash the engine.
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1–31, never beyond the month's last day.
    public let day: Int

    /// The smallest and largest years a date may have (four digits, as `YYYY` writes them).
    public static let yearRange = 1 ... 9999

    /// A date from its parts, or nil when the parts name no real day (`2023, 2, 29`).
    public init?(year: Int, month: Int, day: Int) {
        guard Self.yearRange.contains(year), (1 ... 12).contains(month),
              day >= 1, day <= Self.daysInMonth(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, two-digit month and day) naming a real day.
    /// `2022-1-14`, `14/01/2022` and `2022-02-30` give nil.
    public init?(iso text: String) {
        self.init(isoUTF8: text.utf8)
    }

    /// `init?(iso:)` over UTF-8 bytes, so a YAML scalar can be read without building a string.
    init?(isoUTF8 bytes: some Sequence<UInt8>) {
        var utf8 = bytes.makeIterator()
        func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0 ..< digits {
                guard let c = utf8.next(), c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(c - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(digits: 4), utf8.next() == UInt8(ascii: "-"),
              let m = number(digits: 2), utf8.next() == UInt8(ascii: "-"),
              let d = number(digits: 2), utf8.next() == nil else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The date `days` days after 1970-01-01 (negative: before), or nil outside years 1–9999.
    public init?(daysSinceEpoch days: Int) {
        guard days >= Self.firstDay.daysSinceEpoch, days <= Self.lastDay.daysSinceEpoch else { return nil }
        // Howard Hinnant's civil_from_days: eras of 400 years (146,097 days) starting 0000-03-01.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0 = March
        let d = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let m = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(year: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `days` days later (earlier when negative), or nil outside years 1–9999.
    public func adding(days: Int) -> CalendarDate? {
        let (sum, overflow) = daysSinceEpoch.addingReportingOverflow(days)
        return overflow ? nil : CalendarDate(daysSinceEpoch: sum)
    }

    /// `months` calendar months later (earlier when negative). The day is clamped to the
    /// target month's last day: 2024-01-31 + 1 month = 2024-02-29. Nil outside years 1–9999.
    public func adding(months: Int) -> CalendarDate? {
        let (total, o1) = (year * 12 + month - 1).addingReportingOverflow(months)
        guard !o1 else { return nil }
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        guard Self.yearRange.contains(y) else { return nil }
        return CalendarDate(year: y, month: m, day: min(day, Self.daysInMonth(year: y, month: m)))
    }

    /// `years` years later (earlier when negative); 29 February becomes 28 February in a
    /// common year. Nil outside years 1–9999.
    public func adding(years: Int) -> CalendarDate? {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        return overflow ? nil : adding(months: months)
    }

    /// Days from `self` to `other`: positive when `other` is later.
    public func days(to other: CalendarDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func padded(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days of `month` (1–12) in `year`.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static let firstDay = CalendarDate(uncheckedYear: 1, month: 1, day: 1)
    private static let lastDay = CalendarDate(uncheckedYear: 9999, month: 12, day: 31)

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }
}
