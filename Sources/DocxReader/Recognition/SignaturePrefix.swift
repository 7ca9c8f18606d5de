/// Recognises the signing prefix that opens a signature block (`TM.`, `KT.`, `TL.`, `TUQ.`,
/// `Q.`). Look-alikes (`T/M`, `T.M.`) are recognised too and reported as written, so that a
/// check can reject them.
enum SignaturePrefix {
    /// The prefix that starts `text`, when it is followed by an upper-case title.
    static func token(in text: String) -> String? {
        guard let space = text.firstIndex(of: " ") else { return nil }
        let token = text[..<space]
        let letterCount = token.filter(\.isLetter).count
        guard (1 ... 4).contains(letterCount),
              token.allSatisfy({ ($0.isLetter && $0.isUppercase) || $0 == "." || $0 == "/" }),
              token.contains(where: { $0 == "." || $0 == "/" }),
              TextForm.isUpperCase(String(text[space...])) else { return nil }
        return String(token)
    }
}
