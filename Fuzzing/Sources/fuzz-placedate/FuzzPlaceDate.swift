import FuzzSupport
import VietnameseAdmin

/// libFuzzer entry: arbitrary text as a place-and-date line (`Tiên Sơn, ngày 05 tháng 01 năm 2022`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlaceDate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let line = PlaceDateLine(FuzzInput.text(data, size))
    _ = line.place
    for problem in line.strictProblems { _ = problem.message }
    if let date = line.tolerantDate, let place = line.place {
        _ = PlaceDateLine.render(place: place, year: date.year, month: date.month, day: date.day)
    }
    return 0
}
