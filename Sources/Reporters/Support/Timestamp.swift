import Foundation

/// Times as the formats write them.
enum Timestamp {
    /// `2024-05-01T08:30:00Z`: ISO 8601 in UTC, whole seconds.
    static func iso8601(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
