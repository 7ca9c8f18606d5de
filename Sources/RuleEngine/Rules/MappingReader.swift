import YAML

/// Reads a YAML mapping of a rule-side file (rule, manifest, config, fixture) with typed,
/// located errors: unknown keys are errors with "did you mean", wrong types say what was
/// expected. Errors are collected in `errors`, so one reader reports every problem at once.
struct MappingReader {
    let document: YAMLDocument
    let node: NodeID
    let allowedKeys: [String]
    /// What the mapping is, for messages (`quy tắc`, `tệp pack.yaml`).
    let what: String

    init(_ document: YAMLDocument, _ node: NodeID, what: String, allowedKeys: [String], errors: inout [RuleError]) {
        self.document = document
        self.node = node
        self.allowedKeys = allowedKeys
        self.what = what
        guard document.kind(node) == .mapping else {
            errors.append(RuleError(location: document.location(node), message: "\(what) phải là một nhóm trường (khóa: giá trị)"))
            return
        }
        for (key, _) in document.pairs(node) {
            let name = document.text(key)
            if !allowedKeys.contains(name) {
                errors.append(RuleError(location: document.location(key),
                                        message: "khóa '\(name)' không dùng được trong \(what)" + Suggestions.phrase(Suggestions.nearest(to: name, among: allowedKeys))))
            }
        }
    }

    func location(_ node: NodeID) -> SourceLocation { document.location(node) }

    /// The value node of `key`, if present (and not null).
    func node(_ key: String) -> NodeID? {
        guard document.kind(node) == .mapping, let v = document.value(forKey: key, in: node) else { return nil }
        if document.kind(v) == .scalar, case .null = document.scalarValue(v) { return nil }
        return v
    }

    func string(_ key: String, required: Bool = false, errors: inout [RuleError]) -> String? {
        guard let v = node(key) else {
            if required { errors.append(RuleError(location: location(node), message: "\(what) thiếu khóa bắt buộc '\(key)'")) }
            return nil
        }
        guard document.kind(v) == .scalar else {
            errors.append(RuleError(location: location(v), message: "'\(key)' phải là một chuỗi"))
            return nil
        }
        return document.text(v)
    }

    func bool(_ key: String, errors: inout [RuleError]) -> Bool? {
        guard let v = node(key) else { return nil }
        guard case .bool(let b) = document.scalarValue(v), document.kind(v) == .scalar else {
            errors.append(RuleError(location: location(v), message: "'\(key)' phải là true hoặc false"))
            return nil
        }
        return b
    }

    func number(_ key: String, errors: inout [RuleError]) -> Double? {
        guard let v = node(key) else { return nil }
        switch document.kind(v) == .scalar ? document.scalarValue(v) : .null {
        case .int(let i): return Double(i)
        case .float(let d): return d
        default:
            errors.append(RuleError(location: location(v), message: "'\(key)' phải là một số"))
            return nil
        }
    }

    func date(_ key: String, errors: inout [RuleError]) -> CalendarDate? {
        guard let text = string(key, errors: &errors), let v = node(key) else { return nil }
        guard let d = CalendarDate(iso: text) else {
            errors.append(RuleError(location: location(v), message: "'\(key)' phải là ngày dạng YYYY-MM-DD, ví dụ 2022-01-14; nhận '\(text)'"))
            return nil
        }
        return d
    }

    /// A list of strings; a single string is accepted as a one-element list.
    func strings(_ key: String, errors: inout [RuleError]) -> [String]? {
        guard let v = node(key) else { return nil }
        if document.kind(v) == .scalar { return [document.text(v)] }
        guard document.kind(v) == .sequence else {
            errors.append(RuleError(location: location(v), message: "'\(key)' phải là một danh sách chuỗi"))
            return nil
        }
        var result: [String] = []
        for item in document.items(v) {
            guard document.kind(item) == .scalar else {
                errors.append(RuleError(location: location(item), message: "mỗi phần tử của '\(key)' phải là một chuỗi"))
                continue
            }
            result.append(document.text(item))
        }
        return result
    }

    /// The items of a list value.
    func list(_ key: String, errors: inout [RuleError]) -> [NodeID]? {
        guard let v = node(key) else { return nil }
        guard document.kind(v) == .sequence else {
            errors.append(RuleError(location: location(v), message: "'\(key)' phải là một danh sách"))
            return nil
        }
        return document.items(v)
    }

    /// The pairs of a mapping value.
    func pairs(_ key: String, errors: inout [RuleError]) -> [(key: NodeID, value: NodeID)]? {
        guard let v = node(key) else { return nil }
        guard document.kind(v) == .mapping else {
            errors.append(RuleError(location: location(v), message: "'\(key)' phải là một nhóm trường (khóa: giá trị)"))
            return nil
        }
        return document.pairs(v)
    }
}
