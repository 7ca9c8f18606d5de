import Foundation
import YAML

/// Helpers shared by the fuzz targets.
public enum FuzzInput {
    /// The bytes libFuzzer hands over, copied.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The bytes as text; invalid UTF-8 is repaired (the loaders see Strings only after
    /// decoding, so this is the input they can get).
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: bytes(data, size), as: UTF8.self)
    }
}

/// Where the main package lives (the parent of `Fuzzing/`), found from this file's path at build
/// time, or `CCHC_ROOT` when the binaries are moved.
public enum PackageRoot {
    public static var path: String {
        if let env = ProcessInfo.processInfo.environment["CCHC_ROOT"] { return env }
        // …/Fuzzing/Sources/FuzzSupport/FuzzSupport.swift → …
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0 ..< 4 { url.deleteLastPathComponent() }
        return url.path
    }

    /// The valid base report of the packs' fixtures, parsed once.
    public static let baseReport: YAMLDocument = {
        let path = PackageRoot.path + "/Rules/fixtures/valid-commune-2022.yaml"
        guard let document = try? YAMLLoader().load(contentsOf: path).first else {
            fatalError("cannot load \(path): set CCHC_ROOT to the cchc checkout")
        }
        return document
    }()

    /// Pack data files (document types, signing prefixes) for the Vietnamese functions.
    public static var packData: [String: String] {
        ["document_types": path + "/Rules/nd30/data/document-types.yaml",
         "signing_prefixes": path + "/Rules/nd30/data/signing-prefixes.yaml"]
    }
}
