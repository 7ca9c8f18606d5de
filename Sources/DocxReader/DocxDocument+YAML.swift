extension DocxDocument {
    /// The facts as one `documents[]` item of a self-report (`- type: …`), to paste under
    /// `documents:`. Strings are double-quoted, dates are ISO, absent facts are left out. Body
    /// formatting (`body`) and page numbering (`page_numbering`) are the format's optional
    /// file-only fields; provenance is not written.
    public func yamlText() -> String {
        var item = YAMLMapping()
        item.add("type", type.map(YAMLMapping.quoted))
        item.add("number", number.map(YAMLMapping.quoted))
        item.add("place_date", placeDate.map(YAMLMapping.quoted))
        item.add("issued_on", issuedOn?.description)
        item.add("authority", authority.map(YAMLMapping.quoted))
        item.add("summary", summary.map(YAMLMapping.quoted))
        var page = YAMLMapping()
        page.add("paper", layout.paper.map(YAMLMapping.quoted))
        page.add("orientation", layout.orientation.map { YAMLMapping.quoted($0.rawValue) })
        page.add("font", layout.font.map(YAMLMapping.quoted))
        page.add("body_size_pt", layout.bodySizePt.map(NumberText.plain))
        page.add("national_title_size_pt", layout.nationalTitleSizePt.map(NumberText.plain))
        page.add("motto_size_pt", layout.mottoSizePt.map(NumberText.plain))
        page.add("margins_mm", layout.marginsMM.map { m in
            "{top: \(NumberText.plain(m.top)), bottom: \(NumberText.plain(m.bottom)), "
                + "left: \(NumberText.plain(m.left)), right: \(NumberText.plain(m.right))}"
        })
        item.add("layout", page)
        var signer = YAMLMapping()
        signer.add("prefix", signature.prefix.map(YAMLMapping.quoted))
        signer.add("position", signature.position.map(YAMLMapping.quoted))
        signer.add("name", signature.name.map(YAMLMapping.quoted))
        item.add("signature", signer)
        if let recipients { item.add("recipients", recipients.map(YAMLMapping.quoted)) }
        var paragraphs = YAMLMapping()
        paragraphs.add("alignment", body.alignment.map { YAMLMapping.quoted($0.rawValue) })
        paragraphs.add("first_line_indent_cm", body.firstLineIndentCm.map(NumberText.plain))
        if case .multiple(let times)? = body.lineSpacing { paragraphs.add("line_spacing", NumberText.plain(times)) }
        item.add("body", paragraphs)
        var numbering = YAMLMapping()
        numbering.add("on_first_page", pageNumbering.map { $0.onFirstPage ? "true" : "false" })
        item.add("page_numbering", numbering)
        return item.lines().enumerated().map { ($0.offset == 0 ? "- " : "  ") + $0.element + "\n" }.joined()
    }
}

/// A block mapping written line by line; empty mappings are left out.
private struct YAMLMapping {
    private enum Value {
        case scalar(String)
        case mapping(YAMLMapping)
        case sequence([String])
    }

    private var entries: [(key: String, value: Value)] = []

    mutating func add(_ key: String, _ scalar: String?) {
        if let scalar { entries.append((key, .scalar(scalar))) }
    }

    mutating func add(_ key: String, _ mapping: YAMLMapping) {
        if !mapping.entries.isEmpty { entries.append((key, .mapping(mapping))) }
    }

    mutating func add(_ key: String, _ sequence: [String]) {
        entries.append((key, .sequence(sequence)))
    }

    /// The lines, unindented; `{}` for an empty mapping.
    func lines() -> [String] {
        guard !entries.isEmpty else { return ["{}"] }
        return entries.flatMap { key, value -> [String] in
            switch value {
            case .scalar(let text): return ["\(key): \(text)"]
            case .mapping(let mapping): return ["\(key):"] + mapping.lines().map { "  " + $0 }
            case .sequence(let items) where items.isEmpty: return ["\(key): []"]
            case .sequence(let items): return ["\(key):"] + items.map { "  - " + $0 }
            }
        }
    }

    /// A double-quoted YAML scalar: `\` and `"` escaped, and every character YAML does not
    /// allow printed (controls, line and paragraph separators, BOM, non-characters) escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F ... 0x9F).contains(v) { result += "\\x" + hex(v, 2) }
                else if v == 0x2028 || v == 0x2029 || v == 0xFEFF || v == 0xFFFE || v == 0xFFFF { result += "\\u" + hex(v, 4) }
                else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Numbers as people write them: `15`, `25.4`, `1.15`.
enum NumberText {
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}
