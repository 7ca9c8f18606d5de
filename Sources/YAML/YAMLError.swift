/// Why a YAML input could not be loaded. Every error carries the location where it was found,
/// libyaml's own problem text (English, for people who know YAML) and a one-line Vietnamese
/// explanation for the clerk who has to fix the file.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of failure.
    public enum Kind: String, Sendable, Hashable {
        /// The bytes are not valid UTF-8/UTF-16 or contain characters YAML forbids.
        case encoding
        /// libyaml's scanner or parser rejected the text.
        case syntax
        /// A mapping repeats a key; `relatedLocation` is the first occurrence.
        case duplicateKey
        /// An alias names an anchor that was never defined.
        case undefinedAlias
        /// An alias refers to a collection that contains it.
        case recursiveAlias
        /// Aliases would expand to more nodes than `YAMLLimits.maxAliasExpansion`.
        case aliasExpansionLimit
        /// Nesting deeper than `YAMLLimits.maxDepth`.
        case depthLimit
        /// Input larger than `YAMLLimits.maxInputBytes`.
        case sizeLimit
        /// The file could not be read.
        case io
        /// The text holds no document: nothing, or only comments.
        case empty
    }

    /// The class of failure, for callers that react differently to each.
    public var kind: Kind
    /// Where the problem is.
    public var location: SourceLocation
    /// The technical problem, as libyaml (or the loader) states it.
    public var problem: String
    /// libyaml's context ("while scanning a quoted scalar"), if any.
    public var context: String?
    /// Where the context starts (the opening quote of an unterminated string), if any.
    public var contextLocation: SourceLocation?
    /// A second location that matters: the first occurrence of a duplicated key.
    public var relatedLocation: SourceLocation?
    /// One line, in Vietnamese, saying what is wrong and how to fix it.
    public var explanation: String

    /// An error with every field given; see the properties.
    public init(kind: Kind, location: SourceLocation, problem: String, context: String? = nil,
                contextLocation: SourceLocation? = nil, relatedLocation: SourceLocation? = nil,
                explanation: String) {
        self.kind = kind
        self.location = location
        self.problem = problem
        self.context = context
        self.contextLocation = contextLocation
        self.relatedLocation = relatedLocation
        self.explanation = explanation
    }

    /// `file:line:col: problem (context at l:c) — explanation`
    public var description: String {
        var text = "\(location): \(problem)"
        if let context {
            text += " (\(context)"
            if let contextLocation { text += " \(contextLocation.line):\(contextLocation.column)" }
            text += ")"
        }
        return text + " — " + explanation
    }
}

/// Turns libyaml's English problem texts into a sentence a clerk can act on.
enum YAMLExplanation {
    static func forSyntax(problem: String, context: String?, offendingCharacter: Unicode.Scalar?) -> String {
        if offendingCharacter == "\t" || problem.contains("tab character") {
            return "thụt lề bằng ký tự tab — YAML chỉ chấp nhận dấu cách"
        }
        switch problem {
        case let p where p.contains("UTF-8") || p.contains("UTF-16") || p.contains("invalid Unicode"):
            return "tệp không phải văn bản UTF-8 hợp lệ — hãy lưu lại tệp với mã hóa UTF-8"
        case let p where p.contains("control characters are not allowed"):
            return "tệp chứa ký tự điều khiển hoặc dữ liệu nhị phân — đây không phải tệp văn bản YAML"
        case let p where p.contains("mapping values are not allowed"):
            return "dấu hai chấm ':' không đúng chỗ — thụt lề sai, hoặc giá trị có ': ' cần đặt trong dấu nháy kép"
        case let p where p.contains("found unexpected end of stream") && (context ?? "").contains("quoted scalar"):
            return "thiếu dấu nháy đóng — chuỗi mở bằng dấu nháy nhưng không được đóng lại"
        case let p where p.contains("did not find expected key"):
            return "thụt lề không thẳng hàng — các khóa cùng cấp phải bắt đầu ở cùng một cột"
        case let p where p.contains("did not find expected '-' indicator"):
            return "thụt lề danh sách không thẳng hàng — các mục '- ' cùng cấp phải bắt đầu ở cùng một cột"
        case let p where p.contains("could not find expected ':'"):
            return "thiếu dấu hai chấm ':' sau khóa"
        case let p where p.contains("did not find expected node content"):
            return "thiếu giá trị hoặc có ký tự lạ ở vị trí này"
        case let p where p.contains("did not find expected ',' or ']'"):
            return "danh sách [...] chưa được đóng hoặc thiếu dấu phẩy"
        case let p where p.contains("did not find expected ',' or '}'"):
            return "ánh xạ {...} chưa được đóng hoặc thiếu dấu phẩy"
        case let p where p.contains("found character that cannot start any token"):
            return "ký tự không được phép ở đầu giá trị — hãy đặt giá trị trong dấu nháy kép"
        case let p where p.contains("found undefined tag handle"):
            return "thẻ (tag) '!' không xác định"
        default:
            return "cú pháp YAML không hợp lệ"
        }
    }
}
