extension CalendarDate {
    /// `DD/MM/YYYY`, the way Vietnamese readers write dates.
    public var vietnameseDescription: String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(day))/\(pad(month))/\(year)"
    }

    /// 1 January of `year` (a year in `yearRange`).
    public static func firstDay(of year: Int) -> CalendarDate {
        CalendarDate(year: min(max(year, yearRange.lowerBound), yearRange.upperBound), month: 1, day: 1)!
    }

    /// 31 December of `year` (a year in `yearRange`).
    public static func lastDay(of year: Int) -> CalendarDate {
        CalendarDate(year: min(max(year, yearRange.lowerBound), yearRange.upperBound), month: 12, day: 31)!
    }
}
