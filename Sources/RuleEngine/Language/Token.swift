/// A lexical token of the expression language, with its character offset in the expression.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case integer(Int)
        case decimal(Double)
        case string(String)
        case date(CalendarDate)
        case identifier(String)
        /// `and or not in true false null`
        case keyword(String)
        /// `== != < <= > >= + - * / % ?? ( ) [ ] , . =>`
        case symbol(String)
        case end
    }
    var kind: Kind
    /// Offset in Unicode scalars from the start of the expression.
    var offset: Int
}
