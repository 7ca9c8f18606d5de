/// Splits an expression into tokens. Dates are written as bare `YYYY-MM-DD` literals.
struct Lexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "null"]
    /// Operator and punctuation symbols, longest first, with their scalars for matching.
    static let symbols: [(text: String, scalars: [Unicode.Scalar])] =
        ["==", "!=", "<=", ">=", "??", "=>", "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", "."]
            .map { ($0, Array($0.unicodeScalars)) }

    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        let s = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0" ... "9").contains(c) }
        func isIdentStart(_ c: Unicode.Scalar) -> Bool {
            c.isASCII ? (c == "_" || ("a" ... "z").contains(c) || ("A" ... "Z").contains(c)) : c.properties.isAlphabetic
        }
        func isIdentPart(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || isDigit(c) }
        func slice(_ range: Range<Int>) -> String { String(scalars: s[range]) }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if isDigit(c) {
                // A date literal: exactly DDDD-DD-DD not followed by another digit.
                if i + 10 <= s.count, s[i + 4] == "-", s[i + 7] == "-",
                   (0 ..< 10).allSatisfy({ $0 == 4 || $0 == 7 || isDigit(s[i + $0]) }),
                   i + 10 == s.count || !isIdentPart(s[i + 10]) {
                    let literal = slice(i ..< i + 10)
                    guard let date = CalendarDate(iso: literal) else {
                        throw ExpressionError(offset: start, message: "ngày không hợp lệ: \(literal)")
                    }
                    tokens.append(Token(kind: .date(date), offset: start))
                    i += 10
                    continue
                }
                while i < s.count, isDigit(s[i]) { i += 1 }
                var isDecimal = false
                if i + 1 < s.count, s[i] == ".", isDigit(s[i + 1]) {
                    isDecimal = true
                    i += 1
                    while i < s.count, isDigit(s[i]) { i += 1 }
                }
                let literal = slice(start ..< i)
                if isDecimal {
                    tokens.append(Token(kind: .decimal(Double(literal)!), offset: start))
                } else if let value = Int(literal) {
                    tokens.append(Token(kind: .integer(value), offset: start))
                } else {
                    throw ExpressionError(offset: start, message: "số quá lớn: \(literal)")
                }
                continue
            }
            if isIdentStart(c) {
                while i < s.count, isIdentPart(s[i]) { i += 1 }
                let word = slice(start ..< i)
                tokens.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                var value: [Unicode.Scalar] = []
                var closed = false
                while i < s.count {
                    if s[i] == c { closed = true; i += 1; break }
                    if s[i] == "\\", i + 1 < s.count {
                        let e = s[i + 1]
                        switch e {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        default: value.append(e)
                        }
                        i += 2
                        continue
                    }
                    value.append(s[i])
                    i += 1
                }
                guard closed else { throw ExpressionError(offset: start, message: "chuỗi chưa đóng dấu nháy \(c)") }
                tokens.append(Token(kind: .string(String(scalars: value[...])), offset: start))
                continue
            }
            if let symbol = symbols.first(where: { (sym: (text: String, scalars: [Unicode.Scalar])) -> Bool in
                guard i + sym.scalars.count <= s.count else { return false }
                for k in sym.scalars.indices where s[i + k] != sym.scalars[k] { return false }
                return true
            }) {
                tokens.append(Token(kind: .symbol(symbol.text), offset: start))
                i += symbol.scalars.count
                continue
            }
            throw ExpressionError(offset: start, message: "ký tự không hợp lệ '\(c)'")
        }
        tokens.append(Token(kind: .end, offset: s.count))
        return tokens
    }
}

extension String {
    /// The string of a run of scalars, encoded straight into UTF-8 (building a
    /// `String.UnicodeScalarView` scalar by scalar is several times slower).
    init(scalars: ArraySlice<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII { bytes.append(UInt8(truncatingIfNeeded: scalar.value)) }
            else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
