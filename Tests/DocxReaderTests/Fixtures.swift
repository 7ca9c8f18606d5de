import Foundation

/// The committed `.docx` fixtures (written by `scripts/make-docx-fixtures.py`).
enum Fixtures {
    static let names = [
        "nd30-correct", "font-arial", "body-12pt", "margin-left-25", "paper-letter", "date-no-leading-zero",
        "number-no-leading-zero", "giay-uy-quyen", "no-archive-copy", "docdefaults-only", "header-no-table", "cong-van",
        "libreoffice-saved",
    ]

    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "docx")!.path
    }
}
