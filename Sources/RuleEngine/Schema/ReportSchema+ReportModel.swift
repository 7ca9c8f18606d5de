import YAML

/// The report schema as the engine's `ReportModel`: rules are type-checked against its fields
/// and reports are validated by it (SCHEMA-* findings).
extension ReportSchema: ReportModel {
    public var rootShape: any ObjectShape { SchemaObjectShape(node: root) }

    public func validation(of document: YAMLDocument) -> ReportValidation {
        let violations = validate(document)
        var unusable: [NodeID: String] = [:]
        for v in violations { if let node = v.node, let requirement = v.requirement { unusable[node] = requirement } }
        return ReportValidation(findings: violations.map { $0.finding() }, unusableValues: unusable,
                                flaggedValues: Set(violations.compactMap { $0.kind == .missingProperty ? nil : $0.node }))
    }

    public var findingDescriptors: [RuleDescriptor] { SchemaFindings.descriptors }
}

/// The SCHEMA-* checks (checks.md, "Built into the engine").
public enum SchemaFindings {
    public static let descriptors = [
        RuleDescriptor(id: "SCHEMA-VERSION", title: "Phiên bản định dạng báo cáo không hỗ trợ", severity: .error, area: "schema",
                       fix: "Ghi dòng đầu báo cáo: schema: cchc.self-report/v1",
                       help: "Trường schema phải có và là một phiên bản được hỗ trợ (cchc.self-report/v1)."),
        RuleDescriptor(id: "SCHEMA-REQUIRED", title: "Thiếu trường bắt buộc", severity: .error, area: "schema",
                       fix: "Bổ sung trường còn thiếu (xem mẫu: cchc init --kind …).",
                       help: "Một trường hoặc mục bắt buộc của báo cáo bị thiếu."),
        RuleDescriptor(id: "SCHEMA-TYPE", title: "Giá trị sai kiểu hoặc ngoài phạm vi", severity: .error, area: "schema",
                       fix: "Viết giá trị đúng kiểu: số không có dấu nháy, ngày dạng YYYY-MM-DD, giá trị trong danh sách cho phép.",
                       help: "Một giá trị sai kiểu, không thuộc các giá trị cho phép, hoặc ngoài phạm vi."),
        RuleDescriptor(id: "SCHEMA-UNKNOWN", title: "Trường không có trong định dạng báo cáo", severity: .warning, area: "schema",
                       fix: "Sửa tên trường theo gợi ý, hoặc xóa trường không dùng.",
                       help: "Một trường mà định dạng báo cáo không biết (thường do gõ sai tên)."),
    ]
}

/// The fields of one object schema, for the rule type-checker.
struct SchemaObjectShape: ObjectShape {
    let node: SchemaNode

    func field(_ name: String) -> FieldLookup {
        if let property = node.property(named: name) { return .known(property.valueType) }
        if node.properties.isEmpty { return .known(.any) }
        return .unknown(suggestion: node.suggestion(forUnknownProperty: name))
    }
}

extension SchemaNode {
    /// The rule language's type for values this schema accepts.
    var valueType: ValueType {
        let t = types
        if t == Set(JSONType.allCases) { return .any }
        var cases: [ValueType] = []
        if t.contains(.string) { cases.append(format == .date ? .date : .string) }
        if t.contains(.number) { cases.append(.number) } else if t.contains(.integer) { cases.append(.int) }
        if t.contains(.boolean) { cases.append(.bool) }
        if t.contains(.array) { cases.append(.list(items?.valueType ?? .any)) }
        if t.contains(.object) { cases.append(.object(SchemaObjectShape(node: self))) }
        if cases.isEmpty { return .any }
        return cases.count == 1 ? cases[0] : .oneOf(cases)
    }
}
