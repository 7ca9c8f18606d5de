import CLibYAML

/// The floor for any libyaml-based loader: libyaml's event API alone, building nothing.
enum LibYAMLEvents {
    /// Parses `bytes` from start to end of stream, as `YAMLLoader` does (one parser per input),
    /// and returns the number of events, or nil if libyaml reports an error.
    static func count(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return 0 }
            // libyaml keeps pointers to the parser: it must stay at one heap address.
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_input_string(parser, base, buffer.count)
            var event = yaml_event_t()
            var events = 0
            while yaml_parser_parse(parser, &event) == 1 {
                events += 1
                let finished = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if finished { return events }
            }
            return nil
        }
    }
}
