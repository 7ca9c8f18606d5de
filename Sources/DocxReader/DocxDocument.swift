/// The facts of one `documents[]` entry of a self-report (`self-report-v1.md`), read from a
/// `.docx`, plus formatting facts only the file can tell. Every field is optional: a fact the
/// reader could not find is nil, and a check reports it as missing information.
public struct DocxDocument: Sendable, Hashable {
    /// Document type in title case (`Kế hoạch`, `Quyết định`), or `Công văn` for a `V/v` summary.
    public var type: String?
    /// Number and symbol as printed after `Số:` (`05/KH-UBND`).
    public var number: String?
    /// The place-and-date line as printed (`Tiên Sơn, ngày 14 tháng 01 năm 2022`).
    public var placeDate: String?
    /// The date the place-and-date line states, when it can be read (leading zeros optional).
    public var issuedOn: IssueDate?
    /// The issuing body: the upper-case line(s) of the header's left column.
    public var authority: String?
    /// Trích yếu: the line after the type name, or the `V/v …` line.
    public var summary: String?
    /// Paper, margins, fonts and sizes.
    public var layout = Layout()
    /// Signing prefix, title and name.
    public var signature = Signature()
    /// The lines after `Nơi nhận:`, without the leading `- ` and the trailing `;` or `.`;
    /// nil when there is no `Nơi nhận:` line.
    public var recipients: [String]?
    /// How the body paragraphs are formatted (not part of the self-report format).
    public var body = BodyFormatting()
    /// Where page numbers are (not part of the self-report format).
    public var pageNumbering: PageNumbering?
    /// Where each fact was read, keyed by field path: `type`, `number`, `place_date`,
    /// `issued_on`, `authority`, `summary`, `layout.paper`, `layout.orientation`,
    /// `layout.margins_mm` and `layout.margins_mm.top|bottom|left|right`, `layout.font`,
    /// `layout.body_size_pt`, `layout.national_title_size_pt`, `layout.motto_size_pt`,
    /// `signature.prefix|position|name`, `recipients` (the `Nơi nhận:` line), `recipients[i]`,
    /// `body.alignment|first_line_indent_cm|line_spacing|space_before_pt|space_after_pt`,
    /// `page_numbering`. Only facts that were found have one.
    public var provenance: [String: Provenance] = [:]

    public init() {}
}

extension DocxDocument {
    /// Page and type layout (`documents[].layout`).
    public struct Layout: Sendable, Hashable {
        /// `A4`, `A5`, `Letter`…; an unnamed size is written `W×H mm`.
        public var paper: String?
        public var orientation: Orientation?
        public var marginsMM: Margins?
        /// Font family of the body text.
        public var font: String?
        public var bodySizePt: Double?
        /// Size of the `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` line.
        public var nationalTitleSizePt: Double?
        /// Size of the `Độc lập - Tự do - Hạnh phúc` line.
        public var mottoSizePt: Double?

        public init() {}
    }

    /// Page orientation, from `w:orient` or from the page being wider than high.
    public enum Orientation: String, Sendable, Hashable {
        case portrait, landscape
    }

    /// Page margins in millimetres, as the user typed them (1.5 cm stored as 850 twips reads 15).
    public struct Margins: Sendable, Hashable {
        public var top: Double
        public var bottom: Double
        public var left: Double
        public var right: Double

        public init(top: Double, bottom: Double, left: Double, right: Double) {
            self.top = top
            self.bottom = bottom
            self.left = left
            self.right = right
        }
    }

    /// The signature block (`documents[].signature`).
    public struct Signature: Sendable, Hashable {
        /// `TM.`, `KT.`, `TL.`, `TUQ.`, `Q.`, or a look-alike as written (`T/M`); nil when none.
        public var prefix: String?
        /// The signer's title (`CHỦ TỊCH`, `PHÓ CHỦ TỊCH`).
        public var position: String?
        /// The signer's name.
        public var name: String?

        public init(prefix: String? = nil, position: String? = nil, name: String? = nil) {
            self.prefix = prefix
            self.position = position
            self.name = name
        }
    }

    /// The formatting most body paragraphs have (by paragraph count), resolved through styles.
    public struct BodyFormatting: Sendable, Hashable {
        public var alignment: Alignment?
        /// First-line indent in centimetres (negative for a hanging indent).
        public var firstLineIndentCm: Double?
        public var lineSpacing: LineSpacing?
        public var spaceBeforePt: Double?
        public var spaceAfterPt: Double?

        public init() {}
    }

    /// Paragraph alignment (`w:jc`; `both` and `distribute` are `justified`).
    public enum Alignment: String, Sendable, Hashable {
        case left, center, right, justified
    }

    /// Line spacing: a multiple of single spacing (`w:lineRule` auto), or a fixed or minimum height.
    public enum LineSpacing: Sendable, Hashable {
        case multiple(Double)
        case exactly(points: Double)
        case atLeast(points: Double)
    }

    /// Page number fields (`PAGE`) in the headers and footers of the first section.
    public struct PageNumbering: Sendable, Hashable {
        /// Whether page 1 shows a page number (Decree 30: it must not).
        public var onFirstPage: Bool
        /// Whether the pages after the first show one.
        public var onFollowingPages: Bool
        /// Where the following pages show it: `top` (header) or `bottom` (footer).
        public var position: Position?
        /// How the paragraph holding it on the following pages is aligned.
        public var alignment: Alignment?

        public enum Position: String, Sendable, Hashable {
            case top, bottom
        }

        public init(onFirstPage: Bool, onFollowingPages: Bool, position: Position? = nil, alignment: Alignment? = nil) {
            self.onFirstPage = onFirstPage
            self.onFollowingPages = onFollowingPages
            self.position = position
            self.alignment = alignment
        }
    }

    /// A calendar date; `description` is ISO `YYYY-MM-DD`.
    public struct IssueDate: Sendable, Hashable, CustomStringConvertible {
        public var year: Int
        public var month: Int
        public var day: Int

        /// A date that exists in the proleptic Gregorian calendar, or nil.
        public init?(year: Int, month: Int, day: Int) {
            guard (1 ... 9999).contains(year), (1 ... 12).contains(month), day >= 1 else { return nil }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            guard day <= days else { return nil }
            self.year = year
            self.month = month
            self.day = day
        }

        public var description: String {
            func pad(_ n: Int, _ width: Int) -> String {
                let digits = String(n)
                return String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
            return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        }
    }

    /// Where a fact was read: the package part, the paragraph of that part (numbered from 0 in
    /// document order, table cells and text boxes included; nil for the body's page setup, which
    /// belongs to no paragraph), and a short excerpt.
    public struct Provenance: Sendable, Hashable {
        /// The part, e.g. `word/document.xml` or `word/header1.xml`.
        public var part: String
        public var paragraph: Int?
        /// At most 60 characters of the text the fact was read from.
        public var excerpt: String

        public static let maxExcerptLength = 60

        public init(part: String, paragraph: Int?, excerpt: String) {
            self.part = part
            self.paragraph = paragraph
            self.excerpt = excerpt.count <= Self.maxExcerptLength
                ? excerpt : String(excerpt.prefix(Self.maxExcerptLength - 1)) + "…"
        }
    }
}
