import ArgumentParser

/// `cchc` — checks CCHC self-reports of Vietnamese public units against YAML rule packs.
struct CCHC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cchc",
        abstract: "Kiểm tra báo cáo tự kiểm tra công tác cải cách hành chính (CCHC) theo bộ quy tắc YAML.",
        version: "0.1.0"
    )
}

CCHC.main()
