import Foundation
import Synchronization

/// The generic functions of the rule language: lists, strings, numbers, dates and formatting.
/// Nothing domain-specific lives here.
public enum StandardLibrary {
    public static var functions: [FunctionDefinition] {
        listFunctions + stringFunctions + numberFunctions + dateFunctions + formattingFunctions
    }

    // MARK: Argument helpers

    static func list(_ a: FunctionArgument) throws -> [Value] {
        guard case .value(.list(let items)) = a else { throw FunctionError("cần một danh sách, nhận \(a.value?.typeName ?? "hàm")") }
        return items
    }

    static func string(_ a: FunctionArgument) throws -> String {
        guard case .value(.string(let s)) = a else { throw FunctionError("cần một chuỗi, nhận \(a.value?.typeName ?? "hàm")") }
        return s
    }

    static func number(_ a: FunctionArgument) throws -> Double {
        guard let d = a.value?.number else { throw FunctionError("cần một số, nhận \(a.value?.typeName ?? "hàm")") }
        return d
    }

    static func integer(_ a: FunctionArgument) throws -> Int {
        switch a.value {
        case .int(let i): return i
        case .decimal(let d) where d.rounded() == d && abs(d) < 1e15: return Int(d)
        default: throw FunctionError("cần một số nguyên, nhận \(a.value?.typeName ?? "hàm")")
        }
    }

    static func date(_ a: FunctionArgument) throws -> CalendarDate {
        switch a.value {
        case .date(let d): return d
        case .string(let s):
            guard let d = CalendarDate(iso: s) else { throw FunctionError("'\(s)' không phải ngày dạng YYYY-MM-DD") }
            return d
        default: throw FunctionError("cần một ngày, nhận \(a.value?.typeName ?? "hàm")")
        }
    }

    static func function(_ a: FunctionArgument) throws -> (Value) throws -> Value {
        guard case .function(let f) = a else { throw FunctionError("cần một hàm x => …") }
        return f
    }

    static func predicate(_ a: FunctionArgument, _ element: Value) throws -> Bool {
        guard case .bool(let b) = try function(a)(element) else { throw FunctionError("điều kiện phải cho ra đúng/sai") }
        return b
    }

    /// The elements, mapped through the optional projection argument at `index`.
    static func projected(_ args: [FunctionArgument], listAt index: Int = 0, projectionAt p: Int = 1) throws -> [Value] {
        let items = try list(args[index])
        guard args.count > p else { return items }
        let f = try function(args[p])
        return try items.map(f)
    }

    static func elementType(_ types: [ValueType], projectionAt p: Int = 1) -> ValueType {
        if types.count > p { return types[p] }
        return types.first?.elementType ?? .any
    }

    // MARK: Lists


    static var listFunctions: [FunctionDefinition] {
        [
            FunctionDefinition(name: "count", summary: "số phần tử (thỏa điều kiện, nếu có)",
                               parameters: [.value("danh_sách", .anyList), .elementFunction("điều_kiện", listIndex: 0, returns: .bool)],
                               optionalCount: 1, returns: .int) { args in
                let items = try list(args[0])
                guard args.count > 1 else { return .int(items.count) }
                return .int(try items.reduce(0) { $0 + (try predicate(args[1], $1) ? 1 : 0) })
            },
            FunctionDefinition(name: "all", summary: "mọi phần tử thỏa điều kiện (đúng với danh sách rỗng)",
                               parameters: [.value("danh_sách", .anyList), .elementFunction("điều_kiện", listIndex: 0, returns: .bool)],
                               returns: .bool) { args in
                .bool(try list(args[0]).allSatisfy { try predicate(args[1], $0) })
            },
            FunctionDefinition(name: "any", summary: "có ít nhất một phần tử thỏa điều kiện",
                               parameters: [.value("danh_sách", .anyList), .elementFunction("điều_kiện", listIndex: 0, returns: .bool)],
                               returns: .bool) { args in
                .bool(try list(args[0]).contains { try predicate(args[1], $0) })
            },
            FunctionDefinition(name: "filter", summary: "các phần tử thỏa điều kiện",
                               parameters: [.value("danh_sách", .anyList), .elementFunction("điều_kiện", listIndex: 0, returns: .bool)],
                               resultType: { $0[0] }) { args in
                .list(try list(args[0]).filter { try predicate(args[1], $0) })
            },
            FunctionDefinition(name: "map", summary: "áp dụng biểu thức cho từng phần tử",
                               parameters: [.value("danh_sách", .anyList), .elementFunction("biểu_thức", listIndex: 0, returns: .any)],
                               resultType: { .list($0[1]) }) { args in
                .list(try projected(args))
            },
            FunctionDefinition(name: "sum", summary: "tổng (của biểu thức trên từng phần tử, nếu có)",
                               parameters: [.value("danh_sách", .anyList), .elementFunction("biểu_thức", listIndex: 0, returns: .number)],
                               optionalCount: 1, resultType: { elementType($0).isInt ? .int : .number }) { args in
                let values = try projected(args)
                if values.allSatisfy({ if case .int = $0 { true } else { false } }) {
                    var total = 0
                    for case .int(let i) in values {
                        let (r, overflow) = total.addingReportingOverflow(i)
                        guard !overflow else { throw FunctionError("tràn số khi cộng các số nguyên") }
                        total = r
                    }
                    return .int(total)
                }
                return .decimal(try values.reduce(0.0) {
                    guard let d = $1.number else { throw FunctionError("sum cần các số, gặp \($1.typeName)") }
                    return $0 + d
                })
            },
            extremum("min", summary: "giá trị nhỏ nhất", wantsLess: true),
            extremum("max", summary: "giá trị lớn nhất", wantsLess: false),
            FunctionDefinition(name: "distinct", summary: "các giá trị khác nhau, giữ thứ tự xuất hiện",
                               parameters: [.value("danh_sách", .anyList), .elementFunction("biểu_thức", listIndex: 0, returns: .any)],
                               optionalCount: 1, resultType: { .list(elementType($0)) }) { args in
                var seen: [Value] = []
                for v in try projected(args) where !seen.contains(where: { Operators.equal($0, v) == true }) { seen.append(v) }
                return .list(seen)
            },
            FunctionDefinition(name: "first", summary: "phần tử đầu tiên (null nếu rỗng)",
                               parameters: [.value("danh_sách", .anyList)], resultType: { $0[0].elementType ?? .any }) { args in
                try list(args[0]).first ?? .null
            },
            FunctionDefinition(name: "last", summary: "phần tử cuối cùng (null nếu rỗng)",
                               parameters: [.value("danh_sách", .anyList)], resultType: { $0[0].elementType ?? .any }) { args in
                try list(args[0]).last ?? .null
            },
            FunctionDefinition(name: "index_of", summary: "vị trí (từ 0) của phần tử đầu tiên bằng giá trị (so như ==), -1 nếu không có",
                               parameters: [.value("danh_sách", .anyList), .value("giá_trị", .any)], returns: .int) { args in
                let wanted = args[1].value ?? .null
                return .int(try list(args[0]).firstIndex { Operators.equal($0, wanted) == true } ?? -1)
            },
            FunctionDefinition(name: "first_indices", summary: "với mỗi phần tử, vị trí (từ 0) của phần tử đầu tiên bằng nó (so như ==): "
                                   + "một lượt qua danh sách, thay cho index_of gọi với từng phần tử",
                               parameters: [.value("danh_sách", .anyList)], returns: .list(.int)) { args in
                let items = try list(args[0])
                var first: [EqualityKey: Int] = [:]
                first.reserveCapacity(items.count)
                return .list(items.enumerated().map { index, item in
                    let key = EqualityKey(item)
                    if let earlier = first[key] { return .int(earlier) }
                    first[key] = index
                    return .int(index)
                })
            },
            FunctionDefinition(name: "take", summary: "n phần tử đầu của danh sách",
                               parameters: [.value("danh_sách", .anyList), .value("n", .int)], resultType: { $0[0] }) { args in
                .list(Array(try list(args[0]).prefix(max(0, try integer(args[1])))))
            },
            FunctionDefinition(name: "join", summary: "nối các phần tử thành chuỗi",
                               parameters: [.value("danh_sách", .anyList), .value("dấu_nối", .string)],
                               optionalCount: 1, returns: .string) { args in
                let parts = try list(args[0]).map(ValueFormatter.text)
                let separator = args.count > 1 ? try string(args[1]) : ", "
                let bytes = parts.reduce(0) { $0 + $1.utf8.count } + max(0, parts.count - 1) * separator.utf8.count
                guard bytes <= Operators.maxStringBytes else { throw FunctionError("chuỗi kết quả dài \(bytes) byte, quá giới hạn") }
                return .string(parts.joined(separator: separator))
            },
        ]
    }

    static func extremum(_ name: String, summary: String, wantsLess: Bool) -> FunctionDefinition {
        FunctionDefinition(name: name, summary: summary + " (null nếu rỗng)",
                           parameters: [.value("danh_sách", .anyList), .elementFunction("biểu_thức", listIndex: 0, returns: .any)],
                           optionalCount: 1, resultType: { elementType($0) }) { args in
            var best: Value?
            for v in try projected(args) {
                guard let current = best else { best = v; continue }
                guard let o = Operators.order(v, current) else {
                    throw FunctionError("\(name) không so sánh được \(v.typeName) với \(current.typeName)")
                }
                if wantsLess ? o < 0 : o > 0 { best = v }
            }
            return best ?? .null
        }
    }

    // MARK: Strings

    static var stringFunctions: [FunctionDefinition] {
        [
            FunctionDefinition(name: "length", summary: "số ký tự của chuỗi, hoặc số phần tử của danh sách",
                               parameters: [.value("giá_trị", .oneOf([.string, .anyList]))], returns: .int) { args in
                switch args[0].value {
                case .string(let s): return .int(s.count)
                case .list(let l): return .int(l.count)
                default: throw FunctionError("length cần chuỗi hoặc danh sách")
                }
            },
            FunctionDefinition(name: "matches", summary: "chuỗi khớp toàn bộ với biểu thức chính quy",
                               parameters: [.value("chuỗi", .string), .value("mẫu", .string)], returns: .bool) { args in
                // NFC both sides: a decomposed "Đông" must match a precomposed pattern (and back).
                .bool(try RegexCache.shared.wholeMatch(UnicodeText.nfc(try string(args[0])), pattern: UnicodeText.nfc(try string(args[1]))))
            },
            FunctionDefinition(name: "starts_with", summary: "chuỗi bắt đầu bằng tiền tố",
                               parameters: [.value("chuỗi", .string), .value("tiền_tố", .string)], returns: .bool) { args in
                .bool(UnicodeText.nfc(try string(args[0])).hasPrefix(UnicodeText.nfc(try string(args[1]))))
            },
            FunctionDefinition(name: "ends_with", summary: "chuỗi kết thúc bằng hậu tố",
                               parameters: [.value("chuỗi", .string), .value("hậu_tố", .string)], returns: .bool) { args in
                .bool(UnicodeText.nfc(try string(args[0])).hasSuffix(UnicodeText.nfc(try string(args[1]))))
            },
            FunctionDefinition(name: "contains", summary: "chuỗi chứa chuỗi con, hoặc danh sách chứa phần tử",
                               parameters: [.value("nơi_tìm", .oneOf([.string, .anyList])), .value("cần_tìm", .any)], returns: .bool) { args in
                .bool(try Operators.contains(args[0].value ?? .null, args[1].value ?? .null, at: 0))
            },
            FunctionDefinition(name: "lower", summary: "chữ thường", parameters: [.value("chuỗi", .string)], returns: .string) { args in
                .string(try string(args[0]).lowercased())
            },
            FunctionDefinition(name: "upper", summary: "chữ hoa", parameters: [.value("chuỗi", .string)], returns: .string) { args in
                .string(try string(args[0]).uppercased())
            },
            FunctionDefinition(name: "trim", summary: "bỏ khoảng trắng hai đầu", parameters: [.value("chuỗi", .string)], returns: .string) { args in
                .string(UnicodeText.trimmed(try string(args[0])))
            },
            FunctionDefinition(name: "split", summary: "tách chuỗi theo dấu phân cách",
                               parameters: [.value("chuỗi", .string), .value("dấu_phân_cách", .string)], returns: .list(.string)) { args in
                let separator = try string(args[1])
                guard !separator.isEmpty else { throw FunctionError("dấu phân cách không được rỗng") }
                return .list(try string(args[0]).components(separatedBy: separator).map(Value.string))
            },
            FunctionDefinition(name: "replace", summary: "thay mọi chuỗi con bằng chuỗi khác",
                               parameters: [.value("chuỗi", .string), .value("tìm", .string), .value("thay", .string)], returns: .string) { args in
                let text = try string(args[0]), target = try string(args[1]), replacement = try string(args[2])
                // An upper bound of the result's size, checked before Foundation allocates it.
                let most = text.utf8.count + text.utf8.count / max(1, target.utf8.count) * max(0, replacement.utf8.count - target.utf8.count)
                guard most <= Operators.maxStringBytes || target.isEmpty else {
                    throw FunctionError("chuỗi kết quả có thể dài tới \(most) byte, quá giới hạn \(Operators.maxStringBytes) byte")
                }
                return .string(text.replacingOccurrences(of: target, with: replacement))
            },
        ]
    }

    // MARK: Numbers

    static var numberFunctions: [FunctionDefinition] {
        [
            FunctionDefinition(name: "between", summary: "thấp ≤ giá_trị ≤ cao (gồm cả hai đầu)",
                               parameters: [.value("giá_trị", .any), .value("thấp", .any), .value("cao", .any)], returns: .bool) { args in
                let v = args[0].value ?? .null, lo = args[1].value ?? .null, hi = args[2].value ?? .null
                guard let a = Operators.order(lo, v), let b = Operators.order(v, hi) else {
                    throw FunctionError("between cần các giá trị cùng kiểu số, chuỗi hoặc ngày")
                }
                return .bool(a <= 0 && b <= 0)
            },
            FunctionDefinition(name: "abs", summary: "giá trị tuyệt đối", parameters: [.value("số", .number)],
                               resultType: { $0[0] }) { args in
                if case .int(let i) = args[0].value {
                    guard i != .min else { throw FunctionError("tràn số: abs(\(i))") }
                    return .int(abs(i))
                }
                return .decimal(abs(try number(args[0])))
            },
            FunctionDefinition(name: "round", summary: "làm tròn đến số chữ số thập phân (mặc định 0)",
                               parameters: [.value("số", .number), .value("chữ_số", .int)], optionalCount: 1, returns: .number) { args in
                let digits = args.count > 1 ? try integer(args[1]) : 0
                var scale = 1.0
                for _ in 0 ..< max(0, min(digits, 15)) { scale *= 10 }
                let r = (try number(args[0]) * scale).rounded() / scale
                return digits <= 0 && abs(r) < 1e15 ? .int(Int(r)) : .decimal(r)
            },
        ]
    }

    // MARK: Dates

    static var dateFunctions: [FunctionDefinition] {
        func part(_ name: String, _ summary: String, _ get: @escaping @Sendable (CalendarDate) -> Int) -> FunctionDefinition {
            FunctionDefinition(name: name, summary: summary, parameters: [.value("ngày", .date)], returns: .int) { args in
                .int(get(try date(args[0])))
            }
        }
        func shift(_ name: String, _ summary: String, _ apply: @escaping @Sendable (CalendarDate, Int) -> CalendarDate?) -> FunctionDefinition {
            FunctionDefinition(name: name, summary: summary, parameters: [.value("ngày", .date), .value("số", .int)], returns: .date) { args in
                guard let shifted = apply(try date(args[0]), try integer(args[1])) else {
                    throw FunctionError("kết quả ngoài khoảng ngày 0001-01-01…9999-12-31")
                }
                return .date(shifted)
            }
        }
        return [
            FunctionDefinition(name: "date", summary: "ngày từ chuỗi YYYY-MM-DD, hoặc từ năm, tháng, ngày",
                               parameters: [.value("năm_hoặc_chuỗi", .oneOf([.string, .int])), .value("tháng", .int), .value("ngày", .int)],
                               optionalCount: 2, returns: .date) { args in
                if args.count == 1 { return .date(try date(args[0])) }
                guard args.count == 3 else { throw FunctionError("date cần 1 chuỗi hoặc 3 số (năm, tháng, ngày)") }
                let (y, m, d) = (try integer(args[0]), try integer(args[1]), try integer(args[2]))
                guard let result = CalendarDate(year: y, month: m, day: d) else { throw FunctionError("ngày \(d)/\(m)/\(y) không tồn tại") }
                return .date(result)
            },
            part("year", "năm của ngày") { $0.year },
            part("month", "tháng của ngày") { $0.month },
            part("day", "ngày trong tháng") { $0.day },
            shift("add_days", "cộng số ngày") { $0.adding(days: $1) },
            shift("add_months", "cộng số tháng (ngày cuối tháng nếu tràn)") { $0.adding(months: $1) },
            shift("add_years", "cộng số năm") { $0.adding(years: $1) },
            FunctionDefinition(name: "days_between", summary: "số ngày từ ngày thứ nhất đến ngày thứ hai",
                               parameters: [.value("từ", .date), .value("đến", .date)], returns: .int) { args in
                .int(try date(args[0]).days(to: try date(args[1])))
            },
        ]
    }

    // MARK: Formatting (for message templates)

    static var formattingFunctions: [FunctionDefinition] {
        [
            FunctionDefinition(name: "percent", summary: "tỷ lệ dạng phần trăm: 0.2687 → 26,9%; không làm tròn lên, xuống thành số phần trăm nguyên mà tỷ lệ không bằng (0.9499 → 94,99%)",
                               parameters: [.value("tỷ_lệ", .number), .value("chữ_số", .int)], optionalCount: 1, returns: .string) { args in
                .string(ValueFormatter.percent(try number(args[0]), fractionDigits: args.count > 1 ? try integer(args[1]) : 1))
            },
            FunctionDefinition(name: "number", summary: "số với tối đa n chữ số thập phân, dấu phẩy thập phân",
                               parameters: [.value("số", .number), .value("chữ_số", .int)], optionalCount: 1, returns: .string) { args in
                .string(ValueFormatter.number(try number(args[0]), maxFractionDigits: args.count > 1 ? try integer(args[1]) : 2))
            },
            FunctionDefinition(name: "text", summary: "giá trị dạng chữ như trong thông báo",
                               parameters: [.value("giá_trị", .any)], returns: .string) { args in
                .string(ValueFormatter.text(args[0].value ?? .null))
            },
        ]
    }
}

extension ValueType {
    var isInt: Bool { if case .int = self { true } else { false } }
}

/// Foundation's canonical composition and whitespace trimming as the string functions (and the
/// domain readers) use them, without Foundation's cost on the text they mostly see: text already
/// in NFC, and text with nothing to trim. Results are those of Foundation, scalar for scalar.
public enum UnicodeText {
    /// Whether `text` is certainly its own NFC and each of its Unicode scalars is a `Character`
    /// of its own (a CR LF pair aside), found from its UTF-8 bytes alone: every scalar is below
    /// U+0300 (ASCII, Latin-1, Latin Extended-A and -B: Ư ư Ơ ơ Đ đ…), a precomposed letter of
    /// Latin Extended Additional (U+1E00–U+1EFF: ế ạ ủ…) or General Punctuation from U+2010 to
    /// U+205F (– — ‘ ’ “ ” …). Such scalars are NFC-stable and of combining class 0, none
    /// composes with another (composing takes a combining mark, U+0300 and up) and no grapheme
    /// cluster holds two of them. Vietnamese typed in NFC is of this kind, so for it the
    /// `Character` view and the `unicodeScalars` view agree and normalisation can be skipped.
    @inlinable
    public static func isPlain<Text: StringProtocol>(_ text: Text) -> Bool {
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case ..<0xCC:
                // ASCII; U+0080–U+02FF, whose lead bytes are C2–CB; and their continuation bytes.
                continue
            case 0xE1:
                // U+1E00–U+1EFF: E1 B8 80 – E1 BB BF.
                guard let second = bytes.next(), (0xB8...0xBB).contains(second) else { return false }
                _ = bytes.next()
            case 0xE2:
                // U+2010–U+203F: E2 80 90 – E2 80 BF; U+2040–U+205F: E2 81 80 – E2 81 9F.
                guard let second = bytes.next(), let third = bytes.next(),
                      second == 0x80 ? third >= 0x90 : second == 0x81 && third <= 0x9F else { return false }
            default:
                return false
            }
        }
        return true
    }

    /// `text` in Unicode NFC (`precomposedStringWithCanonicalMapping`); `text` itself, without
    /// Foundation, when it is plain (`isPlain`).
    @inlinable
    public static func nfc(_ text: String) -> String {
        isPlain(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, or `in: .whitespaces` when
    /// `newlines` is false, without Foundation: like it, trims Unicode scalars (a combining mark
    /// after a leading space stays), and copies nothing when there is nothing to trim.
    @inlinable
    public static func trimmed<Text: StringProtocol>(_ text: Text, newlines: Bool = true) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isTrimmed(first, newlines: newlines), !isTrimmed(last, newlines: newlines) { return String(text) }
        guard let start = scalars.firstIndex(where: { !isTrimmed($0, newlines: newlines) }),
              let end = scalars.lastIndex(where: { !isTrimmed($0, newlines: newlines) }) else { return "" }
        // The bound after `end` is taken in scalars: a `Character` may run on into trimmed scalars
        // (a prepended mark before a space).
        return String(text[start..<scalars.index(after: end)])
    }

    /// Whether `scalar` is in `CharacterSet.whitespacesAndNewlines` (`.whitespaces` when
    /// `newlines` is false) as Foundation has it: the space separators (Zs), tab, U+200B (zero
    /// width space), and as newlines U+000A–U+000D, U+0085, U+2028 and U+2029.
    @inlinable
    static func isTrimmed(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return newlines
        default: return false
        }
    }
}

/// Compiled regular expressions, shared by all threads, keyed by pattern.
///
/// Each pattern is compiled once per process (until the cache is emptied), which also bounds a
/// leak in swift-corelibs-foundation: `NSRegularExpression(pattern:)` loses the UTF-16 copy it
/// makes of a pattern longer than 256 units (two bytes a character, found by `fuzz-expression`).
final class RegexCache: Sendable {
    static let shared = RegexCache()
    /// A compiled pattern and the answers it has given. Report fields repeat (a retention of
    /// "10" or "permanent" in every dossier), and one ICU match costs far more than a lookup.
    private struct CompiledPattern {
        let regex: NSRegularExpression
        var answers: [String: Bool] = [:]
    }
    private let cache = Mutex<[String: CompiledPattern]>([:])
    /// How many times a pattern was compiled.
    private let compilations = Atomic<Int>(0)
    /// The longest text `matches` accepts (UTF-16 units): far above any field of a report, and
    /// a bound on ICU's backtracking memory. Longer text is a run-time error of the rule.
    static let maxSubjectLength = 100_000
    static let maxCachedPatterns = 1_000
    /// Answers are kept for texts up to this many UTF-8 bytes, at most this many per pattern
    /// (then forgotten), so the memo's memory stays small whatever the reports hold.
    static let maxRememberedTextBytes = 256
    static let maxAnswersPerPattern = 10_000
    /// The longest one match may run (nanoseconds). A pattern that backtracks without end
    /// (`(a+)+$` on `aaaa…b`) makes ICU give up on its own after 0.5–1 s, and Foundation then
    /// answers "no match": a wrong answer, not an error. A match of a report's field takes
    /// microseconds; one that runs this long is stopped and is a RULE-ERROR.
    static let runawayMatchNanoseconds: UInt64 = 250_000_000

    /// How many patterns have been compiled so far (each distinct pattern once, while cached).
    var compiledPatterns: Int { compilations.load(ordering: .relaxed) }

    /// Whether all of `text` matches `pattern`. Matching stops at the thread's evaluation
    /// deadline (`EvaluationBudget`): ICU reports progress during long matches and the
    /// callback stops the match, which then throws `EvaluationTimeout`.
    func wholeMatch(_ text: String, pattern: String) throws -> Bool {
        let remembers = text.utf8.count <= Self.maxRememberedTextBytes
        let (regex, known) = try cache.withLock { cache -> (NSRegularExpression, Bool?) in
            if let entry = cache[pattern] { return (entry.regex, remembers ? entry.answers[text] : nil) }
            do {
                let r = try NSRegularExpression(pattern: "^(?:" + pattern + ")$")
                compilations.add(1, ordering: .relaxed)
                // A pattern may come from the report (`matches(x, doc.number)`): bound the cache,
                // or it grows with every report of a large run.
                if cache.count >= Self.maxCachedPatterns { cache.removeAll(keepingCapacity: true) }
                cache[pattern] = CompiledPattern(regex: r)
                return (r, nil)
            } catch {
                throw FunctionError("mẫu biểu thức chính quy không hợp lệ: \(pattern)")
            }
        }
        if let known { return known }
        let matched = try Self.wholeMatch(text, regex)
        if remembers {
            cache.withLock { cache in
                guard cache[pattern] != nil else { return }  // forgotten meanwhile
                if cache[pattern]!.answers.count >= Self.maxAnswersPerPattern { cache[pattern]!.answers.removeAll() }
                cache[pattern]!.answers[text] = matched
            }
        }
        return matched
    }

    /// One ICU match of all of `text`, stopped at the rule's deadline (a timeout is thrown,
    /// never remembered) or when it runs away (`runawayMatchNanoseconds`: an error, whatever
    /// the deadline, since ICU's own give-up would answer "no match").
    private static func wholeMatch(_ text: String, _ regex: NSRegularExpression) throws -> Bool {
        let length = (text as NSString).length
        guard length <= maxSubjectLength else {
            throw FunctionError("chuỗi dài \(length) ký tự, quá giới hạn \(maxSubjectLength) ký tự để so mẫu")
        }
        let deadline = EvaluationBudget.deadline
        let runaway = EvaluationBudget.now &+ runawayMatchNanoseconds
        var matched = false, stopped = false, ranAway = false
        regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: length)) { result, _, stop in
            let now = EvaluationBudget.now
            if result != nil {
                matched = true
                stop.pointee = true
            } else if deadline != 0, now > deadline {
                stopped = true
                stop.pointee = true
            } else if now > runaway {
                ranAway = true
                stop.pointee = true
            }
        }
        if stopped { throw EvaluationTimeout() }
        if ranAway || (!matched && EvaluationBudget.now > runaway) {
            throw FunctionError("biểu thức chính quy quay lui quá nhiều: so mẫu với chuỗi dài \(length) ký tự chạy quá "
                                + "\(ValueFormatter.number(Double(runawayMatchNanoseconds) / 1e9, maxFractionDigits: 2)) giây; viết lại mẫu cho khỏi lồng lượng từ như (a+)+")
        }
        return matched
    }
}
