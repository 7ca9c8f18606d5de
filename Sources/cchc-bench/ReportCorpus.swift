import Foundation
@preconcurrency import Glibc

/// A small, fast, deterministic pseudo-random generator (SplitMix64), so that the same
/// arguments always give the same corpus, byte for byte.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// One element of `items`.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0 ... items.count - 1)] }

    mutating func bool() -> Bool { next() & 1 == 1 }
}

/// Self-reports shaped like `shared/spec/example-self-report.yaml`: the same sections, block
/// and flow collections, comments, quoted and plain scalars, and Vietnamese text.
struct ReportGenerator {
    private var rng: SplitMix64

    /// The generator for the report numbered `index`; reports do not depend on each other.
    init(index: Int) { rng = SplitMix64(seed: 0xCCC0_2022 &+ UInt64(index) &* 0x1_0000_0001) }

    static let communes = ["Tiên Sơn", "Tiên Hà", "Đại Lộc", "Hòa Khánh", "Điện Bàn", "Quế Sơn", "Thăng Bình",
                           "Núi Thành", "Hương Trà", "Phú Vang", "Kỳ Anh", "Diễn Châu"]
    static let districts = ["Tiên Phước", "Đại Lộc", "Điện Bàn", "Quế Sơn", "Thăng Bình", "Phú Vang"]
    static let provinces = ["Quảng Nam", "Thừa Thiên Huế", "Đà Nẵng", "Nghệ An", "Hà Tĩnh", "Bình Định"]
    static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"]
    static let middleNames = ["Văn", "Thị", "Minh", "Hữu", "Ngọc", "Thanh", "Quốc"]
    static let givenNames = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Khánh", "Lan", "Phúc", "Thảo", "Tuấn"]
    static let documentTypes: [(name: String, code: String)] = [
        ("Kế hoạch", "KH-UBND"), ("Công văn", "UBND"), ("Quyết định", "QĐ-UBND"),
        ("Báo cáo", "BC-UBND"), ("Thông báo", "TB-UBND"), ("Tờ trình", "TTr-UBND"),
    ]
    static let summaries = [
        "Cải cách hành chính năm 2022", "V/v tuyên truyền dịch vụ công trực tuyến",
        "Kiện toàn Bộ phận Tiếp nhận và Trả kết quả", "Triển khai chữ ký số trong cơ quan",
        "Rà soát, đơn giản hóa thủ tục hành chính", "Kết quả khảo sát sự hài lòng của người dân",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Quy chế làm việc của Ủy ban nhân dân xã",
    ]
    static let positions = ["CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "GIÁM ĐỐC"]
    static let fonts = ["Times New Roman", "Times New Roman", "Times New Roman", "Arial"]

    /// One report of roughly `targetBytes` bytes of UTF-8 (it stops at the first document
    /// entry that reaches the target, so it is a little over).
    mutating func report(targetBytes: Int) -> String {
        let commune = rng.pick(Self.communes)
        let authority = "ỦY BAN NHÂN DÂN XÃ " + commune.uppercased()
        var text = header(commune: commune)
        let tail = footer()
        var number = 1
        while text.utf8.count + tail.utf8.count < targetBytes {
            text += document(number: number, commune: commune, authority: authority)
            number += 1
        }
        return text + tail
    }

    private mutating func person() -> String {
        "\(rng.pick(Self.familyNames)) \(rng.pick(Self.middleNames)) \(rng.pick(Self.givenNames))"
    }

    private mutating func date(_ year: Int) -> String {
        let month = rng.int(1 ... 12), day = rng.int(1 ... 28)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    private mutating func header(commune: String) -> String {
        let planned = rng.int(10 ... 40)
        return """
        # Báo cáo tự kiểm tra công tác CCHC — số liệu sinh tự động cho đo hiệu năng.
        schema: cchc.self-report/v1

        unit:
          name: UBND xã \(commune)
          kind: commune            # commune | district | province | department | school | agency
          parent: UBND huyện \(rng.pick(Self.districts))
          province: \(rng.pick(Self.provinces))

        period:
          year: 2022

        submitted_on: \(date(2022))
        reporter:
          name: \(person())
          title: Công chức Văn phòng - Thống kê

        # Chỉ đạo, điều hành
        direction:
          annual_plan:
            number: \(rng.int(1 ... 99))/KH-UBND
            issued_on: \(date(2022))
            tasks_planned: \(planned)
            tasks_completed: \(rng.int(0 ... planned))
          working_rules_issued: \(rng.bool())       # quy chế làm việc
          propaganda_activities: \(rng.int(0 ... 5))         # đợt tuyên truyền về CCHC
          reports_submitted: [q1, half-year, q3]

        # Văn bản hành chính đã ban hành (mẫu kiểm tra thể thức)
        documents:

        """
    }

    private mutating func document(number: Int, commune: String, authority: String) -> String {
        let type = rng.pick(Self.documentTypes)
        let serial = rng.int(1 ... 300)
        let month = rng.int(1 ... 12), day = rng.int(1 ... 28)
        return """
          - ref: vb-\(number)
            type: \(type.name)
            number: \(serial)/\(type.code)
            place_date: \(commune), ngày \(day) tháng \(month < 10 ? "0" : "")\(month) năm 2022
            issued_on: 2022-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)
            authority: \(authority)
            summary: \(rng.pick(Self.summaries))
            layout:
              paper: A4
              font: \(rng.pick(Self.fonts))
              body_size_pt: \(rng.int(12 ... 14))
              margins_mm: {top: 20, bottom: \(rng.int(15 ... 25)), left: 30, right: 15}
            signature:
              prefix: TM.              # TM. | KT. | TL. | TUQ. | Q. | (none)
              position: \(rng.pick(Self.positions))
              name: \(person())
            recipients:
              - UBND huyện \(rng.pick(Self.districts))
              - "Lưu: VT"

        """
    }

    private mutating func footer() -> String {
        let received = rng.int(200 ... 2000), resolved = rng.int(100 ... 200)
        return """

        # Bộ phận Tiếp nhận và Trả kết quả (cơ chế một cửa, một cửa liên thông)
        one_stop_shop:
          established_by: \(rng.int(1 ... 99))/QĐ-UBND
          postings:                    # niêm yết công khai
            procedure_list: true
            procedure_details: \(rng.bool())
            hotline: "0235 3884 \(rng.int(100 ... 999))"
          procedures_total: \(resolved)
          procedures_posted: \(rng.int(50 ... resolved))
          dossiers: {received: \(received), resolved: \(received - rng.int(0 ... 50)), overdue: \(rng.int(0 ... 30))}

        # Lập hồ sơ và nộp lưu
        archive:
          dossiers:
            - code: "01.03"
              title: Hồ sơ kế hoạch CCHC năm 2020
              retention: permanent
              documents: \(rng.int(5 ... 60))
            - code: "02.11"
              title: Hồ sơ xây dựng nhà văn hóa thôn \(rng.int(1 ... 9))
              retention: 20
              documents: \(rng.int(5 ... 60))

        waivers:
          - rule: ND30-FONT
            reason: |
              Văn bản soạn trên máy mượn,
              đã ban hành lại bản đúng thể thức.

        """
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
    static func generate(in directory: String, totalBytes: Int, fileBytes: Int) throws -> ReportCorpus {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var corpus = ReportCorpus(paths: [], totalBytes: 0, largestBytes: 0)
        while corpus.totalBytes < totalBytes {
            var generator = ReportGenerator(index: corpus.paths.count)
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
