/// A heading under which the human-readable formats group findings: the area (pack id) of a
/// finding, with its Vietnamese title. This is the one place area names live.
///
/// `schema` and `yaml` share the heading "Định dạng báo cáo"; an area without a name here (a
/// user's pack) is shown by its id, after the known ones.
struct ReportArea: Hashable, Comparable, Sendable {
    /// The id that stands for the group (`schema` for both `schema` and `yaml`).
    let key: String
    /// The Vietnamese heading.
    let title: String
    private let rank: Int

    /// Known areas in the order reports show them; each entry's first id is its key.
    private static let known: [(ids: [String], title: String)] = [
        (["nd30"], "Thể thức văn bản"),
        (["mot-cua"], "Cơ chế một cửa"),
        (["luu-tru"], "Lập hồ sơ và nộp lưu"),
        (["chi-dao"], "Chỉ đạo, điều hành"),
        (["schema", "yaml"], "Định dạng báo cáo"),
        (["waiver"], "Khai báo miễn trừ"),
    ]

    init(areaID: String) {
        if let rank = Self.known.firstIndex(where: { $0.ids.contains(areaID) }) {
            self.key = Self.known[rank].ids[0]
            self.title = Self.known[rank].title
            self.rank = rank
        } else {
            self.key = areaID
            self.title = areaID
            self.rank = Self.known.count
        }
    }

    static func < (lhs: ReportArea, rhs: ReportArea) -> Bool {
        (lhs.rank, lhs.key) < (rhs.rank, rhs.key)
    }
}
