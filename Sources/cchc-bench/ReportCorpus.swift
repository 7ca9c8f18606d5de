import Foundation
@preconcurrency import Glibc

import RuleEngine

/// Drawing corpus values from the shared deterministic generator, so that the same arguments
/// always give the same corpus, byte for byte.
extension SplitMix64 {
    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// One element of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0 ... items.count - 1)] }

    mutating func bool() -> Bool { next() & 1 == 1 }
}

/// Self-reports shaped like `shared/spec/example-self-report.yaml`: every section of the format,
/// block and flow collections, comments, quoted and plain scalars, Vietnamese text, and a
/// realistic share of what inspections find, in every pack: documents in Arial, with wrong
/// margins or body size, `ngày 5 tháng 3`, `012/…` or `5/…` numbers, a wrong abbreviation, a
/// bad signing prefix or `Lưu VT`; a low online rate, unposted procedures, counts that do not
/// add up, missing apologies; archive dossiers without index or closing record, handed over
/// late; missing periodic reports, no propaganda; and, now and then, an absent field.
/// Deterministic: the same seed and index give the same bytes.
struct ReportGenerator {
    private var rng: SplitMix64

    /// The generator for the report numbered `index` of the corpus drawn with `seed`; reports
    /// do not depend on each other (a corpus can be generated in any order, or in parallel).
    init(index: Int, seed: UInt64 = 0xCCC0_2022) {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        rng = SplitMix64(seed: mixer.next())
    }

    static let communes = ["Tiên Sơn", "Tiên Hà", "Đại Lộc", "Hòa Khánh", "Điện Bàn", "Quế Sơn", "Thăng Bình",
                           "Núi Thành", "Hương Trà", "Phú Vang", "Kỳ Anh", "Diễn Châu"]
    static let districts = ["Tiên Phước", "Đại Lộc", "Điện Bàn", "Quế Sơn", "Thăng Bình", "Phú Vang"]
    static let provinces = ["Quảng Nam", "Thừa Thiên Huế", "Đà Nẵng", "Nghệ An", "Hà Tĩnh", "Bình Định"]
    static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"]
    static let middleNames = ["Văn", "Thị", "Minh", "Hữu", "Ngọc", "Thanh", "Quốc"]
    static let givenNames = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Khánh", "Lan", "Phúc", "Thảo", "Tuấn"]
    /// Type, its Appendix III abbreviation (nil: Công văn, whose symbol starts with the agency).
    static let documentTypes: [(name: String, abbreviation: String?)] = [
        ("Kế hoạch", "KH"), ("Công văn", nil), ("Quyết định", "QĐ"), ("Báo cáo", "BC"), ("Thông báo", "TB"),
        ("Tờ trình", "TTr"), ("Công văn", nil), ("Chương trình", "CTr"), ("Hướng dẫn", "HD"), ("Quy định", "QyĐ"),
    ]
    static let summaries = [
        "Cải cách hành chính năm", "V/v tuyên truyền dịch vụ công trực tuyến",
        "Kiện toàn Bộ phận Tiếp nhận và Trả kết quả", "Triển khai chữ ký số trong cơ quan",
        "Rà soát, đơn giản hóa thủ tục hành chính", "Kết quả khảo sát sự hài lòng của người dân",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Quy chế làm việc của Ủy ban nhân dân xã",
    ]
    static let positions = ["CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "GIÁM ĐỐC"]
    static let dossierTitles = ["Hồ sơ kế hoạch CCHC năm", "Hồ sơ xây dựng nhà văn hóa thôn", "Hồ sơ hội nghị tổng kết năm",
                                "Hồ sơ thi đua khen thưởng năm", "Hồ sơ sửa chữa trụ sở năm", "Hồ sơ tiếp công dân năm"]

    /// True with probability `percent` %.
    private mutating func chance(_ percent: Int) -> Bool { rng.int(0 ... 99) < percent }

    /// `line` (with its newline), or nothing `percent` % of the time: a field left out.
    private mutating func field(_ line: String, absent percent: Int = 2) -> String {
        chance(percent) ? "" : line + "\n"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func iso(_ y: Int, _ m: Int, _ d: Int) -> String { "\(y)-\(two(m))-\(two(d))" }

    private mutating func person() -> String {
        "\(rng.pick(Self.familyNames)) \(rng.pick(Self.middleNames)) \(rng.pick(Self.givenNames))"
    }

    private mutating func date(_ year: Int, months: ClosedRange<Int> = 1 ... 12) -> (y: Int, m: Int, d: Int) {
        (year, rng.int(months), rng.int(1 ... 28))
    }

    /// One report of roughly `targetBytes` bytes of UTF-8: the sections, then documents until
    /// the target is reached (at least two).
    mutating func report(targetBytes: Int) -> String {
        let commune = rng.pick(Self.communes)
        let year = rng.pick([2021, 2022, 2022, 2023, 2023, 2024, 2025])
        let authority = "ỦY BAN NHÂN DÂN XÃ " + commune.uppercased()
        let head = header(commune: commune, year: year)
        let tail = oneStopShop(year: year) + archive(year: year) + feedback()
        var documents = "\n# Văn bản hành chính đã ban hành (mẫu kiểm tra thể thức)\ndocuments:\n"
        var number = 1
        while number <= 2 || head.utf8.count + documents.utf8.count + tail.utf8.count < targetBytes {
            documents += document(number: number, commune: commune, authority: authority, year: year)
            number += 1
        }
        return head + documents + tail
    }

    private mutating func header(commune: String, year: Int) -> String {
        let planned = rng.int(10 ... 40)
        let completed = chance(4) ? planned + rng.int(1 ... 3) : (chance(60) ? planned : rng.int(planned / 2 ... planned))
        let submitted = chance(85) ? date(year, months: 10 ... 12) : date(year + 1, months: 1 ... 1)
        let plan = date(chance(92) ? year : year - 1, months: 1 ... 2)
        var reports = ["q1", "half-year", "q3"]
        if chance(25) { reports.remove(at: rng.int(0 ... 2)) }  // a periodic report not sent
        if submitted.y > year, chance(70) { reports.append("annual") }
        let planNumber = chance(6) ? "\(rng.int(1 ... 9))/KH-UBND" : "\(Self.two(rng.int(1 ... 40)))/KH-UBND"
        return """
        # Báo cáo tự kiểm tra công tác CCHC năm \(year) — số liệu sinh tự động cho đo hiệu năng.
        schema: cchc.self-report/v1

        unit:
          name: UBND xã \(commune)
          kind: commune            # commune | district | province | department | school | agency
          parent: UBND huyện \(rng.pick(Self.districts))
          province: \(rng.pick(Self.provinces))

        period:
          year: \(year)

        submitted_on: \(Self.iso(submitted.y, submitted.m, submitted.d))
        reporter:
          name: \(person())
          title: Công chức Văn phòng - Thống kê

        # Chỉ đạo, điều hành
        direction:
          annual_plan:
            number: \(planNumber)
        \(field("    issued_on: \(Self.iso(plan.y, plan.m, plan.d))"))    tasks_planned: \(planned)
            tasks_completed: \(completed)
          working_rules_issued: \(chance(90))       # quy chế làm việc
          propaganda_activities: \(chance(15) ? 0 : rng.int(1 ... 6))         # đợt tuyên truyền về CCHC
          self_inspections: \(chance(15) ? 0 : rng.int(1 ... 3))              # đợt tự kiểm tra
          reports_submitted: [\(reports.joined(separator: ", "))]

        """
    }

    private mutating func document(number: Int, commune: String, authority: String, year: Int) -> String {
        let type = chance(2) ? (name: "Công văn hỏa tốc", abbreviation: Optional("CV")) : rng.pick(Self.documentTypes)
        // Issued in the report's year; now and then before Decree 30 (skipped) or in another year.
        var issued = date(year)
        if chance(2) { issued = (2019, rng.int(1 ... 12), rng.int(1 ... 28)) } else if chance(3) { issued.y = year - 1 }
        // The number: mostly right, sometimes `012/…` or `5/…` (ND30-NUMBER-ZERO), a wrong
        // abbreviation (ND30-TYPE-ABBR), a space (ND30-NUMBER-FORMAT), or a repeat.
        let serial = chance(50) ? rng.int(1 ... 9) : rng.int(10 ... 300)
        var serialText = Self.two(serial)
        if chance(6) { serialText = serial < 10 ? "\(serial)" : "0\(serial)" }
        var symbol = type.abbreviation.map { "\($0)-UBND" } ?? (chance(50) ? "UBND" : "UBND-VP")
        if type.abbreviation != nil, chance(3) { symbol = "HD-UBND" }
        if chance(2) { symbol = symbol.replacingOccurrences(of: "-", with: " - ") }
        let numberText = number > 1 && chance(2) ? "01/\(symbol)" : "\(serialText)/\(symbol)"
        // The place-and-date line: mostly right; `ngày 5 tháng 3`, a missing comma, a small
        // letter, or a date that disagrees with issued_on.
        var day = Self.two(issued.d), month = issued.m <= 2 ? Self.two(issued.m) : "\(issued.m)"
        if chance(8) { day = "\(issued.d)"; month = issued.m <= 2 ? "\(issued.m)" : Self.two(issued.m) }
        var place = commune + ","
        if chance(2) { place = commune } else if chance(2) { place = commune.lowercased() + "," }
        let statedDay = chance(3) ? Self.two(min(28, issued.d + 1)) : day
        let placeDate = "\(place) ngày \(statedDay) tháng \(month) năm \(issued.y)"
        // Layout: Arial, wrong margins, 12 pt body now and then.
        let font = chance(10) ? rng.pick(["Arial", "Calibri", "VNI-Times"]) : (chance(5) ? "times new roman" : "Times New Roman")
        let size = chance(8) ? rng.pick(["12", "12.5", "15"]) : rng.pick(["13", "14", "13.5"])
        let top = chance(6) ? rng.int(10 ... 19) : rng.int(20 ... 25)
        let bottom = chance(6) ? rng.int(15 ... 19) : rng.int(20 ... 25)
        let left = chance(8) ? rng.pick([20, 25, 28, 40]) : rng.int(30 ... 35)
        let right = chance(5) ? rng.pick([10, 25]) : rng.int(15 ... 20)
        let prefix = chance(70) ? rng.pick(["TM.", "KT.", "TL.", "TUQ.", "Q."]) : (chance(10) ? "T/M" : nil)
        let archiveLine = chance(6) ? "Lưu VT" : "Lưu: VT, VP"
        var text = """
          - ref: vb-\(number)
            type: \(type.name)
            number: \(numberText)
            place_date: \(placeDate)

        """
        text += field("    issued_on: \(Self.iso(issued.y, issued.m, issued.d))", absent: 1)
        text += """
            authority: \(authority)
            summary: \(rng.pick(Self.summaries)) \(issued.y)
            layout:
              paper: \(chance(2) ? "A5" : "A4")
              orientation: portrait

        """
        text += field("      font: \(font)")
        text += field("      body_size_pt: \(size)")
        text += """
              national_title_size_pt: \(chance(3) ? 14 : rng.int(12 ... 13))
              motto_size_pt: \(chance(3) ? 12 : rng.int(13 ... 14))
              margins_mm: {top: \(top), bottom: \(bottom), left: \(left), right: \(right)}
            signature:

        """
        if let prefix { text += "      prefix: \(prefix)              # TM. | KT. | TL. | TUQ. | Q. | (none)\n" }
        text += """
              position: \(rng.pick(Self.positions))
              name: \(person())
            recipients:
              - UBND huyện \(rng.pick(Self.districts))
              - "\(archiveLine)"

        """
        return text
    }

    private mutating func oneStopShop(year: Int) -> String {
        let total = rng.int(60 ... 200)
        let posted = chance(25) ? total - rng.int(1 ... 20) : total
        let received = rng.int(200 ... 2500)
        // Online share: a third of units fall below the 30 % target.
        let online = chance(35) ? received * rng.int(5 ... 29) / 100 : received * rng.int(30 ... 80) / 100
        let resolved = received - rng.int(0 ... 60)
        let overdue = chance(40) ? 0 : rng.int(1 ... 30)
        var onTime = resolved - overdue
        if chance(5) { onTime -= rng.int(1 ... 5) }  // counts that do not add up
        let apologies = chance(30) ? rng.int(0 ... overdue) : overdue
        let established = chance(5) ? "\(rng.int(10 ... 99))/UBND" : "\(Self.two(rng.int(1 ... 99)))/QĐ-UBND"
        let hotline = chance(5) ? "\(rng.int(100 ... 999)) \(rng.int(1000 ... 9999))" : "0235 3884 \(rng.int(100 ... 999))"
        var text = """

        # Bộ phận Tiếp nhận và Trả kết quả (cơ chế một cửa, một cửa liên thông)
        one_stop_shop:
          established_by: \(established)
          postings:                    # niêm yết công khai
            procedure_list: \(!chance(3))
            procedure_details: \(!chance(10))    # thành phần hồ sơ, thời hạn, phí, lệ phí, mẫu đơn
            hotline: "\(hotline)"
            feedback_address: \(!chance(12))
            staff_on_duty: \(!chance(8))
          procedures_total: \(total)
          procedures_posted: \(posted)
          dossiers:
            received: \(received)

        """
        text += field("    received_online: \(online)", absent: 3)
        text += """
            resolved: \(resolved)
            resolved_on_time: \(onTime)
            overdue: \(overdue)
            apology_letters: \(apologies)
          logbook_complete: \(!chance(20))      # sổ theo dõi hồ sơ

        """
        return text
    }

    private mutating func archive(year: Int) -> String {
        let list = chance(10) ? date(year, months: 2 ... 4) : date(year, months: 1 ... 1)
        var text = "\n# Lập hồ sơ và nộp lưu\narchive:\n"
        text += field("  dossier_list_issued_on: \(Self.iso(list.y, list.m, list.d))   # danh mục hồ sơ", absent: 4)
        text += "  dossiers:\n"
        for i in 0 ..< rng.int(2 ... 3) {
            let construction = chance(25)
            let closedYear = year - rng.int(1 ... 2)
            let closed = date(closedYear)
            let retention = construction ? "20" : rng.pick(["permanent", "permanent", "10", "20", "2"])
            // Handed over within the deadline mostly; late now and then; some not yet.
            let handed: (y: Int, m: Int, d: Int)? = chance(15) ? nil
                : (chance(15) ? date(closedYear + 2) : (construction ? closed : date(closedYear + 1, months: 1 ... min(12, closed.m))))
            text += """
                - code: "\(Self.two(i + 1)).\(Self.two(rng.int(1 ... 30)))"
                  title: \(rng.pick(Self.dossierTitles)) \(closedYear)
                  year: \(closedYear)
                  closed_on: \(Self.iso(closed.y, closed.m, closed.d))

            """
            if construction {
                text += "      construction: true\n      settled_on: \(Self.iso(closed.y, closed.m, closed.d))   # quyết toán\n"
            }
            text += """
                  retention: \(retention)             # permanent | N years
                  documents: \(chance(3) ? 0 : rng.int(5 ... 60))
                  has_cover: \(!chance(5))
                  has_index: \(!chance(15))                 # mục lục văn bản
                  has_closing_record: \(!chance(10))        # chứng từ kết thúc
                  sheets_numbered: \(!chance(10))

            """
            if let handed { text += "      handed_over_on: \(Self.iso(handed.y, handed.m, handed.d))       # nộp lưu\n" }
        }
        return text
    }

    private mutating func feedback() -> String {
        let received = rng.int(0 ... 20)
        let resolved = chance(20) ? max(0, received - rng.int(1 ... 3)) : received
        var text = """

        # Tiếp nhận, xử lý phản ánh, kiến nghị
        feedback:
          received: \(received)
          resolved: \(resolved)

        """
        if chance(10) {
            text += """

            waivers:
              - rule: ND30-FONT
                target: documents[vb-1]
                reason: |
                  Văn bản soạn trên máy mượn,
                  đã ban hành lại bản đúng thể thức.

            """
        }
        return text
    }
}

/// A folder of generated reports.
struct ReportCorpus {
    /// The report files, in name order.
    var paths: [String]
    /// Their total size in bytes.
    var totalBytes: Int
    /// The size of the largest one.
    var largestBytes: Int

    /// Writes reports of about `fileBytes` bytes into `directory` (created if needed) until
    /// they add up to at least `totalBytes`. The same arguments always write the same bytes.
    static func generate(in directory: String, totalBytes: Int, fileBytes: Int, seed: UInt64 = 0xCCC0_2022) throws -> ReportCorpus {
        try generate(in: directory, fileBytes: fileBytes, seed: seed) { corpus in corpus.totalBytes < totalBytes }
    }

    /// Writes `count` reports of about `fileBytes` bytes into `directory` (created if needed):
    /// `bao-cao-000001.yaml`, …. The same arguments always write the same bytes.
    static func generate(in directory: String, count: Int, fileBytes: Int, seed: UInt64) throws -> ReportCorpus {
        try generate(in: directory, fileBytes: fileBytes, seed: seed) { corpus in corpus.paths.count < count }
    }

    private static func generate(in directory: String, fileBytes: Int, seed: UInt64,
                                 while more: (ReportCorpus) -> Bool) throws -> ReportCorpus {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var corpus = ReportCorpus(paths: [], totalBytes: 0, largestBytes: 0)
        while more(corpus) {
            var generator = ReportGenerator(index: corpus.paths.count, seed: seed)
            let bytes = Array(generator.report(targetBytes: fileBytes).utf8)
            let number = String(corpus.paths.count + 1)
            let path = directory + "/bao-cao-" + String(repeating: "0", count: max(0, 6 - number.count)) + number + ".yaml"
            try write(bytes, to: path)
            corpus.paths.append(path)
            corpus.totalBytes += bytes.count
            corpus.largestBytes = max(corpus.largestBytes, bytes.count)
        }
        return corpus
    }

    /// Writes a file with plain stdio: `Data.write` syncs every file to disk, which made
    /// generating the corpus take longer than measuring it.
    static func write(_ bytes: [UInt8], to path: String) throws {
        guard let file = fopen(path, "wb") else {
            throw BenchmarkFailure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        guard fclose(file) == 0, written == bytes.count else {
            throw BenchmarkFailure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
