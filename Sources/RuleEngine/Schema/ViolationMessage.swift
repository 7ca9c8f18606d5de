import YAML

/// The Vietnamese messages of schema violations. Each names the value as it was written and
/// says how to write it instead, because the people who read them type reports by hand.
enum ViolationMessage {
    // MARK: Messages

    static func wrongType(_ node: NodeID?, _ value: Instance, accepted: Set<JSONType>, format: SchemaFormat?,
                          in doc: YAMLDocument) -> String {
        if format == .date, accepted.contains(.string) { return invalidDate(node, in: doc) }
        let expected = expectation(accepted)
        if case .scalar(.null) = value {
            return "phải là \(expected) nhưng đang để trống — điền giá trị hoặc xóa dòng này"
        }
        var message = "phải là \(expected), không phải \(noun(value.type)) (đang ghi: \(shown(node, in: doc)))"
        if let hint = hint(node, value, accepted: accepted, in: doc) { message += " — " + hint }
        return message
    }

    /// A date field holding something other than a real `YYYY-MM-DD` day.
    static func invalidDate(_ node: NodeID?, in doc: YAMLDocument) -> String {
        let written = node.map { doc.kind($0) == .scalar ? doc.text($0) : "" } ?? ""
        if let parts = isoShapedParts(written) {
            return "ngày \(written) không có thật — " + impossibleDateReason(year: parts.0, month: parts.1, day: parts.2)
        }
        let example = guessedDate(written)?.description ?? "2022-01-14"
        return "ngày phải viết dạng YYYY-MM-DD, ví dụ \(example) (đang ghi: \(shown(node, in: doc)))"
    }

    static func notAllowed(_ node: NodeID?, _ value: Instance, allowed: [SchemaLiteral], in doc: YAMLDocument) -> String {
        let listed = allowed.map { "'\($0)'" }
        var message = allowed.count == 1
            ? "giá trị \(shown(node, in: doc)) không được phép — chỉ chấp nhận \(listed[0])"
            : "giá trị \(shown(node, in: doc)) không được phép — chọn một trong: \(listed.joined(separator: ", "))"
        if allowed.count > 1, case .string = value, let node {
            let text = doc.text(node)
            let names = allowed.compactMap { if case .string(let s) = $0 { s } else { nil } }
            if let near = DidYouMean.closest(to: text, among: names) { message += " — ý bạn là '\(near)'?" }
        }
        return message
    }

    static func outOfRange(_ shown: String, _ bound: String) -> String {
        "giá trị \(shown) \(bound)"
    }

    /// A value an earlier item already has (`x-unique-by`).
    static func duplicate(_ text: String, firstAt path: String) -> String {
        "'\(text)' đã dùng ở \(path); mỗi mục cần một mã riêng (vị trí phát hiện và miễn trừ gọi mục theo mã này)"
    }

    static func tooShort(length: Int, minimum: Int) -> String {
        length == 0 ? "không được để trống" : "phải có ít nhất \(minimum) ký tự (đang có \(length))"
    }

    /// `writtenEmpty`: the key is there with nothing after it (`one_stop_shop:`).
    static func missingProperty(_ path: String, _ property: SchemaNode?, writtenEmpty: Bool = false) -> String {
        var message = writtenEmpty ? "trường bắt buộc '\(path)' đang để trống" : "thiếu trường bắt buộc '\(path)'"
        if let title = property?.title { message += " (\(title))" }
        if let only = property?.enumValues, only.count == 1 {
            let name = path.split(separator: ".").last.map(String.init) ?? path
            message += " — thêm dòng: \(name): \(only[0])"
        }
        return message
    }

    static func unknownProperty(_ name: String, suggestion: String?, known: [String]) -> String {
        let message = "trường '\(name)' không có trong lược đồ"
        if let suggestion { return message + " — ý bạn là '\(suggestion)'?" }
        if known.isEmpty { return message }
        return message + " — các trường có thể dùng ở đây: " + known.joined(separator: ", ")
    }

    static func noAlternative(_ node: NodeID?, _ value: Instance, _ alternatives: [SchemaNode], in doc: YAMLDocument) -> String {
        // Hints only for alternatives that take any value of their type (not `'permanent'`).
        let accepted = alternatives.filter { $0.enumValues == nil }.reduce(into: Set<JSONType>()) { $0.formUnion($1.types) }
        var message = "giá trị không hợp lệ — phải là \(alternatives.map(describe).joined(separator: " hoặc ")) (đang ghi: \(shown(node, in: doc)))"
        if let hint = hint(node, value, accepted: accepted, in: doc) { message += " — " + hint }
        return message
    }

    static func severalAlternatives(_ node: NodeID?, _ holding: [SchemaNode], in doc: YAMLDocument) -> String {
        "giá trị \(shown(node, in: doc)) khớp cùng lúc nhiều dạng (\(holding.map(describe).joined(separator: "; "))) — chỉ được khớp đúng một"
    }

    // MARK: Pieces

    /// The value as it was written: quotes kept, long or multi-line text cut short.
    static func shown(_ node: NodeID?, in doc: YAMLDocument) -> String {
        guard let node else { return "(tệp trống)" }
        switch doc.kind(node) {
        case .mapping: return "một nhóm trường"
        case .sequence: return "một danh sách"
        case .scalar: break
        }
        var text = doc.text(node)
        var cut = false
        if let newline = text.firstIndex(where: \.isNewline) { text = String(text[..<newline]); cut = true }
        if text.count > 60 { text = String(text.prefix(60)); cut = true }
        if cut { text += "…" }
        switch doc.style(node) {
        case .doubleQuoted: return "\"\(text)\""
        case .singleQuoted: return "'\(text)'"
        case .plain where text.isEmpty: return "(để trống)"
        default: return text
        }
    }

    /// A bound as people write it: `0`, not `0.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(describing: value)
    }

    /// What a value may be: `số nguyên`, `chuỗi văn bản hoặc null`.
    private static func expectation(_ types: Set<JSONType>) -> String {
        let names = JSONType.allCases
            .filter { types.contains($0) && !($0 == .integer && types.contains(.number)) }
            .map(\.vietnameseName)
        return names.joined(separator: " hoặc ")
    }

    /// A value's kind as a noun, for "không phải …".
    private static func noun(_ type: JSONType) -> String {
        switch type {
        case .null: "giá trị trống"
        case .boolean: "giá trị true/false"
        case .object: "nhóm trường"
        case .array: "danh sách"
        case .number: "số"
        case .string: "chuỗi"
        case .integer: "số"
        }
    }

    /// One alternative of `anyOf`/`oneOf` in a few words.
    private static func describe(_ schema: SchemaNode) -> String {
        if let values = schema.enumValues { return values.map { "'\($0)'" }.joined(separator: " hoặc ") }
        if schema.format == .date { return "ngày dạng YYYY-MM-DD" }
        let types = schema.types
        if types.count < JSONType.allCases.count { return expectation(types) }
        return schema.title ?? "một dạng khác"
    }

    /// How to write a value of the wrong type so that it has an accepted one.
    /// `1534` for `1,534` or `1.534`: digits in groups of three after the first, joined by
    /// one separator (`12,000,000`); nil for anything else.
    static func thousandsGrouped(_ text: String) -> String? {
        let sign = text.hasPrefix("-") ? "-" : ""
        let body = text.dropFirst(sign.count)
        let isDigits = { (part: Substring) in !part.isEmpty && part.allSatisfy { ("0" ... "9").contains($0) } }
        for separator: Character in [",", "."] {
            let groups = body.split(separator: separator, omittingEmptySubsequences: false)
            guard groups.count > 1, groups[0].count <= 3, isDigits(groups[0]),
                  groups.dropFirst().allSatisfy({ $0.count == 3 && isDigits($0) }) else { continue }
            return sign + groups.joined()
        }
        return nil
    }

    private static func hint(_ node: NodeID?, _ value: Instance, accepted: Set<JSONType>, in doc: YAMLDocument) -> String? {
        guard let node, doc.kind(node) == .scalar else { return nil }
        let text = doc.text(node)
        let mask = JSONTypeMask(accepted)
        switch value {
        case .string:
            let unquoted = plainReading(text)
            if unquoted.numericValue != nil, mask.accepts(unquoted.type) {
                return "viết số không có dấu nháy: \(text)"
            }
            // `1,534` in a count is a thousands separator; in a number, a decimal comma.
            if !mask.accepts(.number), mask.accepts(.integer), let whole = thousandsGrouped(text) {
                return "viết số không có dấu phân cách hàng nghìn: \(whole)"
            }
            let dotted = text.replacing(",", with: ".")
            if text.contains(","), mask.accepts(.number), plainReading(dotted).numericValue != nil {
                return "dùng dấu chấm thập phân, không dùng dấu phẩy: \(dotted)"
            }
            if mask.accepts(.boolean) {
                if case .bool = unquoted { return "viết \(text) không có dấu nháy" }
                return "viết true (có) hoặc false (không)"
            }
        case .scalar(.number) where !mask.accepts(.number) && mask.accepts(.integer):
            // `1.534` in a count: a thousands separator, as Vietnamese writes it.
            if let whole = thousandsGrouped(text) { return "viết số không có dấu phân cách hàng nghìn: \(whole)" }
        case .scalar(.integer), .scalar(.number), .scalar(.bool):
            if mask.accepts(.string) { return "đặt trong dấu nháy kép để giữ nguyên: \"\(text)\"" }
        default:
            break
        }
        return nil
    }

    /// How the core schema would read `text` written plain (without quotes).
    private static func plainReading(_ text: String) -> SchemaLiteral {
        var text = text
        return SchemaLiteral(text.withUTF8 { CoreSchema.resolvePlain($0) })
    }

    // MARK: Dates

    /// `(year, month, day)` when the text has the `NNNN-NN-NN` shape (then only the day is
    /// impossible, not the writing).
    private static func isoShapedParts(_ text: String) -> (Int, Int, Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return (y, m, d)
    }

    private static func impossibleDateReason(year: Int, month: Int, day: Int) -> String {
        if !CalendarDate.yearRange.contains(year) { return "năm phải từ 0001 đến 9999" }
        if !(1 ... 12).contains(month) { return "tháng phải từ 01 đến 12" }
        let last = CalendarDate.daysInMonth(year: year, month: month)
        if day < 1 { return "ngày phải từ 01" }
        return "tháng \(month) năm \(year) chỉ có \(last) ngày"
    }

    /// The day a person probably meant by a date written another way: `14/01/2022`,
    /// `14.1.2022`, `2022/1/14`, `ngày 14 tháng 01 năm 2022` — three numbers, the year being
    /// the one with four digits, first or last.
    static func guessedDate(_ text: String) -> CalendarDate? {
        let numbers = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
        guard numbers.count == 3, let a = Int(numbers[0]), let b = Int(numbers[1]), let c = Int(numbers[2]) else { return nil }
        if numbers[0].count == 4 { return CalendarDate(year: a, month: b, day: c) }
        if numbers[2].count == 4 { return CalendarDate(year: c, month: b, day: a) }
        return nil
    }
}
