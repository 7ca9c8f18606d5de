import FuzzSupport
import YAML

/// libFuzzer entry: arbitrary bytes into the YAML loader. Any error must be a thrown
/// `YAMLError`; a crash, hang, leak or sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let documents = try? YAMLLoader().load(bytes: bytes, file: "fuzz.yaml") else { return 0 }
    for document in documents {
        guard let root = document.root else { continue }
        // Touch what the engine touches, iteratively (never recursively: depth is bounded, but
        // the walk should not rely on it): locations, kinds, text, core-schema values, lookups.
        var stack = [root]
        var visited = 0
        while let node = stack.popLast(), visited < 1_000_000 {
            visited += 1
            _ = document.location(node)
            _ = document.parent(node)
            switch document.kind(node) {
            case .scalar:
                _ = document.text(node)
                _ = document.scalarValue(node)
            case .sequence:
                stack += document.items(node)
            case .mapping:
                for (key, value) in document.pairs(node) {
                    if document.kind(key) == .scalar { _ = document.value(forKey: document.text(key), in: node) }
                    stack.append(key)
                    stack.append(value)
                }
            }
        }
    }
    return 0
}
