/// One administrative document type of Decree 30/2020/NĐ-CP, Điều 7, with its abbreviation from
/// Phụ lục III: one item of `Rules/nd30/data/document-types.yaml`.
public struct DocumentTypeEntry: Sendable, Hashable {
    /// The type's name as Điều 7 writes it, without a qualifier (`Quyết định`, `Bản thỏa thuận`).
    public let name: String
    /// The abbreviation that starts the symbol of this type's documents (`QĐ`, `QyĐ`, `CTr`);
    /// nil for the types that have none (Công văn, Thư công).
    public let abbreviation: String?
    /// The bracketed qualifier Điều 7 prints after the name, if any (`cá biệt` for Nghị quyết
    /// and Quyết định): the name written with it, `Quyết định (cá biệt)`, is the same type.
    public let qualifier: String?

    /// An entry from the values of one data-file item.
    public init(name: String, abbreviation: String?, qualifier: String? = nil) {
        self.name = name
        self.abbreviation = abbreviation
        self.qualifier = qualifier
    }
}
