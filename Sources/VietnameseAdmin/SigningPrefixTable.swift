/// The signing prefixes of Decree 30/2020/NĐ-CP (Phụ lục I, II.7.b), built from the values of
/// `Rules/nd30/data/signing-prefixes.yaml`, for ND30-SIGNATURE-PREFIX.
///
/// A prefix is compared as written after NFC and trimming: the dot counts (`TM` is not `TM.`)
/// and so does letter case (`tm.` is not `TM.`).
public struct SigningPrefixTable: Sendable {
    /// The prefixes in data-file order.
    public let prefixes: [SigningPrefix]
    private let prefixIndex: UniqueKeyIndex

    /// A table of `prefixes`, as the pack data file lists them.
    /// - Throws: `TableDataError` when a prefix is blank or repeated.
    public init(prefixes: [SigningPrefix]) throws(TableDataError) {
        self.prefixes = prefixes
        prefixIndex = try UniqueKeyIndex(prefixes, field: "prefix") { prefix in
            [(prefix.prefix, VietnameseText.composedAndTrimmed(prefix.prefix))]
        }
    }

    /// The entry for `prefix` as written in a report; nil when it is not one of the table's.
    public func entry(forPrefix prefix: String) -> SigningPrefix? {
        prefixIndex.position(of: VietnameseText.composedAndTrimmed(prefix)).map { prefixes[$0] }
    }

    /// Whether `prefix` is one of the table's prefixes.
    public func isKnown(_ prefix: String) -> Bool {
        entry(forPrefix: prefix) != nil
    }
}
