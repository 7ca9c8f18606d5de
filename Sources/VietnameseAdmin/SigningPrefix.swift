/// A signing prefix (quyền hạn ký) written before the signer's title, Decree 30/2020/NĐ-CP,
/// Phụ lục I, II.7.b: one item of `Rules/nd30/data/signing-prefixes.yaml`.
public struct SigningPrefix: Sendable, Hashable {
    /// The prefix as printed, dot included (`TM.`, `KT.`, `TL.`, `TUQ.`, `Q.`).
    public let prefix: String
    /// What it stands for, in Vietnamese (`thay mặt`, `ký thay`, `thừa lệnh`, …).
    public let meaning: String

    /// A prefix from the values of one data-file item.
    public init(prefix: String, meaning: String) {
        self.prefix = prefix
        self.meaning = meaning
    }
}
