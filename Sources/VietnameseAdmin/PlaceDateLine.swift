import RuleEngine

/// A document's place-and-date line (`Tiên Sơn, ngày 05 tháng 01 năm 2022`), read two ways:
/// strictly against Decree 30/2020/NĐ-CP, Phụ lục I, II.4 (`strictProblems`, ND30-DATE-LINE)
/// and tolerantly for the date it states (`tolerantDate`, ND30-DATE-MATCH).
///
/// Both readings accept NFC and NFD text. The tolerant one takes any whitespace, or none,
/// between the parts; the strict one judges the place, the comma, the spaces, the words' case,
/// the leading zeros, the year's digits and whether the date exists. A space there is any run
/// of whitespace (a no-break space or a tab prints as one too).
public struct PlaceDateLine: Sendable {
    /// The line as given.
    public let text: String
    private let reading: PlaceDateReading?

    /// The line `text`, read at once; nothing is thrown: see `strictProblems`.
    public init(_ text: String) {
        self.text = text
        reading = PlaceDateReading(composedLine: UnicodeText.nfc(text))
    }

    /// The place as written (NFC, without the comma); nil when the line cannot be read or names
    /// no place.
    public var place: String? {
        guard let place = reading?.place, !place.isEmpty else { return nil }
        return place
    }

    /// The date the line states, for comparing with `issued_on`: leading zeros optional, extra
    /// spaces ignored, `Ngày`/`Tháng`/`Năm` in any case, a missing or look-alike comma, or a
    /// missing place, forgiven.
    /// Nil when the line cannot be read at all, states a day that does not exist
    /// (`ngày 31 tháng 02`) or a year not in four digits (`năm 22` is no year to compare);
    /// ND30-DATE-LINE reports each, so one slip is one finding.
    public var tolerantDate: (year: Int, month: Int, day: Int)? {
        guard let reading, reading.yearText.count == 4,
              GregorianCalendar.isValidDate(year: reading.year, month: reading.month, day: reading.day)
        else { return nil }
        return (reading.year, reading.month, reading.day)
    }

    /// Every ND30-DATE-LINE problem, in the order of the line; empty when the line reads
    /// `<Place>, ngày DD tháng MM năm YYYY` as Decree 30 writes it: the place capitalised (its
    /// first letter upper-case) and followed at once by a comma, `,` (a look-alike such as `，`
    /// is named); a space after the comma (after a look-alike too) and between the date's
    /// parts; `ngày`, `tháng`, `năm` in lower case; a day below 10 and months 1–2 with one
    /// leading zero, other days and months 3–12 without; a four-digit year; a date that exists.
    /// An unreadable line has the single problem `.unreadable`.
    public var strictProblems: [PlaceDateLineProblem] {
        guard let reading else { return [.unreadable(line: UnicodeText.nfc(text))] }
        var problems: [PlaceDateLineProblem] = []
        if reading.place.isEmpty {
            problems.append(.missingPlace)
        } else {
            if reading.place.first(where: \.isLetter)?.isUppercase != true {
                problems.append(.placeNotCapitalised(place: reading.place))
            }
            if !reading.hasComma {
                problems.append(.missingComma(place: reading.place))
            } else if reading.repeatedComma {
                problems.append(.repeatedComma(place: reading.place))
            } else if let written = reading.commaLookalike {
                // Its correction, `Tiên Sơn,`, also removes a space before it.
                problems.append(.commaLookalike(place: reading.place, written: written))
            } else if reading.spaceBeforeComma {
                problems.append(.spaceBeforeComma(place: reading.place))
            }
        }
        let parts = [reading.dayWord, reading.dayText, reading.monthWord, reading.monthText, reading.yearWord, reading.yearText]
        var unspaced: [PlaceDateLineProblem.Neighbours] = []
        if reading.hasComma, !reading.spaceBeforeDayWord {
            unspaced.append(PlaceDateLineProblem.Neighbours(",", reading.dayWord))
        }
        for (index, spaced) in reading.spaceAfterDatePart.enumerated() where !spaced {
            unspaced.append(PlaceDateLineProblem.Neighbours(parts[index], parts[index + 1]))
        }
        if !unspaced.isEmpty {
            problems.append(.missingSpaces(between: unspaced, corrected: correctedLine(reading)))
        }
        let words = PlaceDateReading.dateWords
        for (written, expected) in [(reading.dayWord, words.day), (reading.monthWord, words.month),
                                    (reading.yearWord, words.year)] where written != expected {
            problems.append(.wordNotLowercase(written: written, expected: expected))
        }
        let expectedDay = Decree30Numerals.sequenceOrDay(reading.day)
        if (1...31).contains(reading.day), reading.dayText != expectedDay {
            problems.append(.wrongDayDigits(written: reading.dayText, expected: expectedDay))
        }
        let expectedMonth = Decree30Numerals.month(reading.month)
        if (1...12).contains(reading.month), reading.monthText != expectedMonth {
            problems.append(.wrongMonthDigits(written: reading.monthText, expected: expectedMonth))
        }
        if reading.yearText.count != 4 {
            problems.append(.yearNotFourDigits(written: reading.yearText))
        }
        if !(1...12).contains(reading.month) {
            problems.append(.nonexistentMonth(written: reading.monthText))
        } else if !GregorianCalendar.isValidDate(year: reading.year, month: reading.month, day: reading.day) {
            problems.append(.nonexistentDay(day: reading.dayText, month: reading.monthText, year: reading.yearText))
        }
        return problems
    }

    /// The line as Decree 30 writes it for what `reading` states, when it can be written (a
    /// place, a date that exists) and passes the strict reading (the place capitalised).
    private func correctedLine(_ reading: PlaceDateReading) -> String? {
        guard !reading.place.isEmpty, tolerantDate != nil else { return nil }
        let line = Self.render(place: reading.place, year: reading.year, month: reading.month, day: reading.day)
        return PlaceDateLine(line).strictProblems.isEmpty ? line : nil
    }

    /// The line as Decree 30 writes it for `place` and a date: `Hà Nội, ngày 05 tháng 01 năm
    /// 2022`, `…, ngày 29 tháng 6 năm 2022`, `…, ngày 10 tháng 12 năm 2022`. The date is
    /// written as given, not checked.
    public static func render(place: String, year: Int, month: Int, day: Int) -> String {
        let words = PlaceDateReading.dateWords
        return "\(VietnameseText.composedAndTrimmed(place)), \(words.day) \(Decree30Numerals.sequenceOrDay(day)) "
            + "\(words.month) \(Decree30Numerals.month(month)) \(words.year) \(year)"
    }
}
