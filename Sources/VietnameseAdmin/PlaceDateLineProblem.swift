/// One way a place-and-date line departs from Decree 30/2020/NĐ-CP, Phụ lục I, II.4
/// (ND30-DATE-LINE); `message` says it in Vietnamese.
public enum PlaceDateLineProblem: Sendable, Hashable {
    /// The line has no date part `ngày … tháng … năm …` that can be read.
    case unreadable(line: String)
    /// Nothing stands before `ngày`.
    case missingPlace
    /// The place's first letter is not upper-case (`tiên Sơn`).
    case placeNotCapitalised(place: String)
    /// The place is not followed by a comma.
    case missingComma(place: String)
    /// The place is followed by a character that only looks like a comma (`Tiên Sơn， ngày …`,
    /// U+FF0C): `written` is that character.
    case commaLookalike(place: String, written: String)
    /// More than one comma follows the place (`Tiên Sơn,, ngày …`, `Tiên Sơn,， ngày …`).
    case repeatedComma(place: String)
    /// Whitespace stands between the place and its comma (`Tiên Sơn , ngày …`).
    case spaceBeforeComma(place: String)
    /// No space after the comma, or between two of `ngày`, the day, `tháng`, the month, `năm`
    /// and the year (`ngày14`, `năm2022`), in the order of the line. `corrected` is the whole
    /// line as Decree 30 writes it, when it can be written and has no problem itself.
    case missingSpaces(between: [Neighbours], corrected: String?)
    /// `ngày`, `tháng` or `năm` is not written in lower case (`Ngày`).
    case wordNotLowercase(written: String, expected: String)
    /// The day has the wrong leading zeros: below 10 it has one (`05`), from 10 none.
    case wrongDayDigits(written: String, expected: String)
    /// The month has the wrong leading zeros: 1–2 have one (`01`), 3–12 none (`3`).
    case wrongMonthDigits(written: String, expected: String)
    /// The year is not written with four digits.
    case yearNotFourDigits(written: String)
    /// The month is not 1–12.
    case nonexistentMonth(written: String)
    /// The day does not exist in that month and year (`ngày 31 tháng 02`).
    case nonexistentDay(day: String, month: String, year: String)

    /// Two neighbouring parts of a place-and-date line written without a space between them, as
    /// written (`,` and `ngày`, `năm` and `2022`).
    public struct Neighbours: Sendable, Hashable {
        /// The part before the missing space (`,` for the comma after the place).
        public let left: String
        /// The part after it.
        public let right: String

        /// The parts `left` and `right`, as written.
        public init(_ left: String, _ right: String) {
            self.left = left
            self.right = right
        }
    }

    /// The problem in Vietnamese, naming the offending values.
    public var message: String {
        switch self {
        case let .unreadable(line):
            return "không đọc được dòng địa danh, ngày tháng \"\(line)\"; "
                + "phải có dạng \"<địa danh>, ngày <ngày> tháng <tháng> năm <năm>\""
        case .missingPlace:
            return "thiếu địa danh trước \"ngày\""
        case let .placeNotCapitalised(place):
            return "địa danh \"\(place)\" phải viết hoa chữ cái đầu"
        case let .missingComma(place):
            return "thiếu dấu phẩy sau địa danh \"\(place)\""
        case let .commaLookalike(place, written):
            return "ký tự sau địa danh \"\(place)\" là \"\(UnusualCharacters.annotated(written))\"; viết dấu phẩy: \"\(place),\""
        case let .repeatedComma(place):
            return "thừa dấu phẩy sau địa danh: viết \"\(place),\""
        case let .spaceBeforeComma(place):
            return "dấu phẩy phải viết liền sau địa danh: \"\(place),\""
        case let .missingSpaces(between, corrected):
            let places = between.map { $0.left == "," ? "sau dấu phẩy" : "giữa \"\($0.left)\" và \"\($0.right)\"" }
            return "thiếu dấu cách " + places.joined(separator: ", ") + (corrected.map { "; viết: \"\($0)\"" } ?? "")
        case let .wordNotLowercase(written, expected):
            return "\"\(written)\" phải viết thường: \"\(expected)\""
        case let .wrongDayDigits(written, expected):
            return Decree30Numerals.paddingMessage(label: "ngày", written: written, expected: expected)
        case let .wrongMonthDigits(written, expected):
            return Decree30Numerals.paddingMessage(label: "tháng", written: written, expected: expected)
        case let .yearNotFourDigits(written):
            return "năm \(written) phải viết bằng bốn chữ số"
        case let .nonexistentMonth(written):
            return "không có tháng \(written)"
        case let .nonexistentDay(day, month, year):
            return "không có ngày \(day) tháng \(month) năm \(year)"
        }
    }
}
