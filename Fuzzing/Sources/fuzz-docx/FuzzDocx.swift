import DocxReader
import Foundation
import FuzzSupport

/// The file each input is written to (DocxReader reads a path: the zip container is opened
/// from disk, as `cchc check FILE.docx` does).
let docxPath = NSTemporaryDirectory() + "cchc-fuzz-docx-\(getpid()).docx"

/// libFuzzer entry: arbitrary bytes as a .docx. Errors must be `DocxError`s; a trap, hang,
/// leak or out-of-memory is a bug (zip bombs and XML bombs are refused by limits).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: docxPath, contents: Data(FuzzInput.bytes(data, size))) else { return 0 }
    if let document = try? DocxReader.read(path: docxPath) {
        _ = document.yamlText()
    }
    return 0
}
