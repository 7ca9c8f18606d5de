import RuleEngine
import YAML

/// Registers the Vietnamese administrative functions into the rule language: document
/// numbers, place-and-date lines, document types and their abbreviations, signing prefixes,
/// phone numbers. The type and prefix tables are pack data (`data: document_types`,
/// `signing_prefixes` in a pack manifest), so a rule author corrects them without recompiling.
public enum VietnameseAdminFunctions {
    /// Registers every function. `data` maps pack data names to files; functions that need a
    /// table are registered only when a pack provides it, else recorded as unavailable with the
    /// table they need (a rule calling one is told to declare it, not that it does not exist).
    public static func register(into registry: inout FunctionRegistry, data: [String: String],
                                loader: YAMLLoader = YAMLLoader(), errors: inout [RuleError]) {
        registry.register(numberFunctions + dateLineFunctions + textFunctions)
        // An empty table is a valid one: it gives the functions' names.
        registerTable("document_types", "bảng loại văn bản", file: "document-types.yaml", data: data, into: &registry,
                      functions: typeFunctions, empty: try! DocumentTypeTable(entries: [])) { readTypes($0, loader: loader, errors: &errors) }
        registerTable("signing_prefixes", "bảng quyền hạn ký", file: "signing-prefixes.yaml", data: data, into: &registry,
                      functions: prefixFunctions, empty: try! SigningPrefixTable(prefixes: [])) { readPrefixes($0, loader: loader, errors: &errors) }
    }

    /// Registers the functions over one pack data table (`key` in `data:`), read by `read`; when
    /// no pack declares it, or its file could not be read, records them as unavailable saying so.
    private static func registerTable<Table>(_ key: String, _ what: String, file: String, data: [String: String],
                                             into registry: inout FunctionRegistry, functions: (Table) -> [FunctionDefinition],
                                             empty: Table, read: (String) -> Table?) {
        if let path = data[key] {
            if let table = read(path) { return registry.register(functions(table)) }
            registry.registerUnavailable(functions(empty).map(\.name),
                                         reason: "cần \(what) (dữ liệu '\(key)'), mà tệp \(path) không đọc được (xem lỗi của tệp đó)")
        } else {
            registry.registerUnavailable(functions(empty).map(\.name), reason: "cần \(what) (dữ liệu '\(key)') mà không bộ quy tắc nào "
                                         + "đang nạp khai báo: thêm vào pack.yaml của bộ quy tắc 'data: {\(key): <đường dẫn tới \(file)>}' "
                                         + "(bảng có sẵn ở Rules/nd30/data/\(file))")
        }
    }

    // MARK: Arguments

    static func string(_ a: FunctionArgument) throws -> String {
        guard case .value(.string(let s)) = a else { throw FunctionError("cần một chuỗi") }
        return s
    }

    static func number(_ a: FunctionArgument) throws -> DocumentNumber? { ParseMemos.documentNumbers(try string(a)) }

    static let optionalString = ValueType.oneOf([.string, .null])

    // MARK: Document numbers

    static var numberFunctions: [FunctionDefinition] {
        [
            FunctionDefinition(name: "number_readable", summary: "số, ký hiệu đọc được dạng N/KÝ-HIỆU",
                               parameters: [.value("số_ký_hiệu", .string)], returns: .bool) { args in
                .bool(try number(args[0]) != nil)
            },
            FunctionDefinition(name: "number_sequence", summary: "phần số của số, ký hiệu (null nếu không đọc được hoặc quá lớn)",
                               parameters: [.value("số_ký_hiệu", .string)], returns: .oneOf([.int, .null])) { args in
                try number(args[0])?.sequence.map { .int($0) } ?? .null
            },
            FunctionDefinition(name: "number_sequence_text", summary: "phần số như đã viết (05, 012…)",
                               parameters: [.value("số_ký_hiệu", .string)], returns: optionalString) { args in
                try number(args[0]).map { .string($0.sequenceText) } ?? .null
            },
            FunctionDefinition(name: "number_abbreviation", summary: "phần đầu của ký hiệu (chữ viết tắt tên loại văn bản)",
                               parameters: [.value("số_ký_hiệu", .string)], returns: optionalString) { args in
                try number(args[0]).map { .string($0.typeAbbreviation) } ?? .null
            },
            FunctionDefinition(name: "number_key", summary: "khóa so sánh trùng số: số theo giá trị, ký hiệu như đã viết (5/QĐ-UBND)",
                               parameters: [.value("số_ký_hiệu", .string)], returns: optionalString) { args in
                try number(args[0]).map { .string($0.comparisonKey) } ?? .null
            },
            FunctionDefinition(name: "number_zero_padding_ok", summary: "số dưới 10 có một số 0 đứng đầu, từ 10 trở lên không có",
                               parameters: [.value("số_ký_hiệu", .string)], returns: .bool) { args in
                .bool(try number(args[0])?.hasCorrectZeroPadding ?? true)
            },
            FunctionDefinition(name: "number_zero_padding_problem", summary: "mô tả lỗi số 0 đứng đầu (null nếu đúng)",
                               parameters: [.value("số_ký_hiệu", .string)], returns: optionalString) { args in
                try number(args[0])?.zeroPaddingProblem.map { .string($0.message) } ?? .null
            },
            FunctionDefinition(name: "number_with_abbreviation",
                               summary: "số, ký hiệu với chữ viết tắt tên loại đã sửa và số ghi đúng số 0 đứng đầu (5/QD-SNV-VP → 05/QĐ-SNV-VP); null nếu vẫn sai thể thức",
                               parameters: [.value("số_ký_hiệu", .string), .value("viết_tắt", .string)], returns: optionalString) { args in
                try number(args[0])?.withTypeAbbreviation(try string(args[1])).map(Value.string) ?? .null
            },
            FunctionDefinition(name: "number_is_full", summary: "số, ký hiệu đầy đủ dạng N/VIẾT-TẮT-CƠ-QUAN với chữ viết tắt cho trước",
                               parameters: [.value("số_ký_hiệu", .string), .value("viết_tắt", .string)], returns: .bool) { args in
                .bool(try number(args[0])?.isFullNumber(ofTypeAbbreviatedAs: try string(args[1])) ?? false)
            },
        ]
    }

    // MARK: Types

    static func typeFunctions(_ table: DocumentTypeTable) -> [FunctionDefinition] {
        @Sendable func entry(_ a: FunctionArgument) throws -> DocumentTypeEntry? {
            table.entry(forType: try string(a))
        }
        @Sendable func kind(_ a: FunctionArgument) throws -> DocumentTypeKind {
            guard let e = try entry(a) else { return .unknown }
            return e.abbreviation == nil ? .withoutAbbreviation : .withAbbreviation
        }
        return [
            FunctionDefinition(name: "is_document_type", summary: "là một trong 29 loại văn bản hành chính (Điều 7 NĐ 30/2020)",
                               parameters: [.value("tên_loại", .string)], returns: .bool) { args in
                .bool(try entry(args[0]) != nil)
            },
            FunctionDefinition(name: "type_name",
                               summary: "tên loại văn bản như bảng ghi (GIẤY UỶ QUYỀN → Giấy ủy quyền, Quyết định (cá biệt) → Quyết định); null nếu không thuộc 29 loại",
                               parameters: [.value("tên_loại", .string)], returns: optionalString) { args in
                (try entry(args[0])).map { .string($0.name) } ?? .null
            },
            FunctionDefinition(name: "type_abbreviation", summary: "chữ viết tắt của loại văn bản (Phụ lục III); null nếu không có",
                               parameters: [.value("tên_loại", .string)], returns: optionalString) { args in
                (try entry(args[0]))?.abbreviation.map(Value.string) ?? .null
            },
            FunctionDefinition(name: "type_has_abbreviation", summary: "loại văn bản đã biết và có chữ viết tắt (không phải Công văn, Thư công)",
                               parameters: [.value("tên_loại", .string)], returns: .bool) { args in
                .bool(try kind(args[0]) == .withAbbreviation)
            },
            FunctionDefinition(name: "type_for_abbreviation",
                               summary: "tên loại văn bản có chữ viết tắt này (KH → Kế hoạch; so đúng chữ hoa, chữ thường: HD là Hướng dẫn, HĐ là Hợp đồng); null nếu không loại nào có",
                               parameters: [.value("viết_tắt", .string)], returns: optionalString) { args in
                table.type(forAbbreviation: try string(args[0])).map { .string($0.name) } ?? .null
            },
            FunctionDefinition(name: "number_problems", summary: "các lỗi thể thức của số, ký hiệu theo loại văn bản (PL I, II.3)",
                               parameters: [.value("số_ký_hiệu", .string), .value("tên_loại", .string)], returns: .list(.string)) { args in
                let problems = DocumentNumber.formatProblems(of: try string(args[0]), typeKind: try kind(args[1]),
                                                             abbreviation: try entry(args[1])?.abbreviation)
                return .list(problems.map { .string($0.message) })
            },
        ]
    }

    // MARK: Signing prefixes

    static func prefixFunctions(_ table: SigningPrefixTable) -> [FunctionDefinition] {
        [
            FunctionDefinition(name: "is_signing_prefix", summary: "là một trong các quyền hạn ký (TM., KT., TL., TUQ., Q.)",
                               parameters: [.value("tiền_tố", .string)], returns: .bool) { args in
                .bool(table.isKnown(try string(args[0])))
            },
        ]
    }

    // MARK: Place-and-date lines

    static var dateLineFunctions: [FunctionDefinition] {
        [
            FunctionDefinition(name: "date_line_problems", summary: "các lỗi thể thức của dòng địa danh, ngày tháng (PL I, II.4)",
                               parameters: [.value("dòng", .string)], returns: .list(.string)) { args in
                .list(ParseMemos.placeDateLines(try string(args[0])).strictProblems.map { .string($0.message) })
            },
            FunctionDefinition(name: "date_line_date", summary: "ngày ghi trong dòng địa danh, ngày tháng, đọc dễ dãi (null nếu không đọc được)",
                               parameters: [.value("dòng", .string)], returns: .oneOf([.date, .null])) { args in
                guard let d = ParseMemos.placeDateLines(try string(args[0])).tolerantDate,
                      let date = CalendarDate(year: d.year, month: d.month, day: d.day) else { return .null }
                return .date(date)
            },
            FunctionDefinition(name: "date_line", summary: "dòng địa danh, ngày tháng đúng thể thức: Hà Nội, ngày 05 tháng 01 năm 2022",
                               parameters: [.value("địa_danh", .string), .value("ngày", .date)], returns: .string) { args in
                guard case .date(let d) = args[1].value else { throw FunctionError("cần một ngày") }
                return .string(PlaceDateLine.render(place: try string(args[0]), year: d.year, month: d.month, day: d.day))
            },
        ]
    }

    // MARK: Other text

    static var textFunctions: [FunctionDefinition] {
        [
            FunctionDefinition(name: "is_phone_number", summary: "số điện thoại Việt Nam hợp lệ (10–11 số bắt đầu bằng 0, hoặc 1800/1900)",
                               parameters: [.value("số", .string)], returns: .bool) { args in
                .bool(VietnamesePhoneNumber.isValid(try string(args[0])))
            },
            FunctionDefinition(name: "visible",
                               summary: "văn bản để trích trong thông báo: ký tự ngoài bảng chữ Việt và ASCII kèm mã (QÐ [Ð là U+00D0, không phải Đ]), ký tự không nhìn thấy viết bằng mã ([U+200B])",
                               parameters: [.value("văn_bản", .string)], returns: .string) { args in
                .string(UnusualCharacters.annotated(try string(args[0])))
            },
            FunctionDefinition(name: "replace_lookalikes",
                               summary: "văn bản với mỗi ký tự trông giống được thay bằng ký tự nó thay thế (QÐ → QĐ, dấu – → -), như visible() nêu",
                               parameters: [.value("văn_bản", .string)], returns: .string) { args in
                .string(UnusualCharacters.replacingLookalikes(try string(args[0])))
            },
            FunctionDefinition(name: "recipient_line",
                               summary: "dòng nơi nhận bỏ gạch đầu dòng ('-', '–' và dấu cách, tab sau nó) và ';' hoặc '.' cuối dòng; khoảng trắng đọc là một dấu cách",
                               parameters: [.value("dòng", .string)], returns: .string) { args in
                .string(RecipientLine.text(try string(args[0])))
            },
        ]
    }

    // MARK: Tables

    /// Reads a list of mappings from a data file, reporting problems at their location.
    static func readRows(_ path: String, keys: [String], loader: YAMLLoader, errors: inout [RuleError]) -> [[String: String?]]? {
        let doc: YAMLDocument
        do {
            guard let d = try loader.load(contentsOf: path).first else { return nil }
            doc = d
        } catch let e as YAMLError {
            errors.append(RuleError(e))
            return nil
        } catch {
            return nil
        }
        guard let root = doc.root, doc.kind(root) == .sequence else {
            errors.append(RuleError(location: SourceLocation(file: path, line: 1, column: 1), message: "tệp dữ liệu phải là một danh sách"))
            return nil
        }
        var rows: [[String: String?]] = []
        for item in doc.items(root) {
            guard doc.kind(item) == .mapping else {
                errors.append(RuleError(location: doc.location(item), message: "mỗi dòng dữ liệu phải là nhóm {\(keys.joined(separator: ", "))}"))
                continue
            }
            var row: [String: String?] = [:]
            for (k, v) in doc.pairs(item) {
                let key = doc.text(k)
                guard keys.contains(key) else {
                    errors.append(RuleError(location: doc.location(k), message: "khóa '\(key)' không dùng được ở đây" + Suggestions.phrase(Suggestions.nearest(to: key, among: keys))))
                    continue
                }
                if case .null = doc.scalarValue(v) { row[key] = .some(nil) } else { row[key] = doc.text(v) }
            }
            rows.append(row)
        }
        return rows
    }

    static func readTypes(_ path: String, loader: YAMLLoader, errors: inout [RuleError]) -> DocumentTypeTable? {
        guard let rows = readRows(path, keys: ["name", "abbreviation", "qualifier"], loader: loader, errors: &errors) else { return nil }
        do {
            return try DocumentTypeTable(entries: rows.map {
                DocumentTypeEntry(name: ($0["name"] ?? nil) ?? "", abbreviation: $0["abbreviation"] ?? nil, qualifier: $0["qualifier"] ?? nil)
            })
        } catch {
            errors.append(RuleError(location: SourceLocation(file: path, line: 1, column: 1), message: error.description))
            return nil
        }
    }

    static func readPrefixes(_ path: String, loader: YAMLLoader, errors: inout [RuleError]) -> SigningPrefixTable? {
        guard let rows = readRows(path, keys: ["prefix", "meaning"], loader: loader, errors: &errors) else { return nil }
        do {
            return try SigningPrefixTable(prefixes: rows.map { SigningPrefix(prefix: ($0["prefix"] ?? nil) ?? "", meaning: ($0["meaning"] ?? nil) ?? "") })
        } catch {
            errors.append(RuleError(location: SourceLocation(file: path, line: 1, column: 1), message: error.description))
            return nil
        }
    }
}

import Foundation
