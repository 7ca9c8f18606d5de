/// Conversions from the units Word stores (twentieths of a point, half-points) to the units
/// people type and rules use.
enum Units {
    /// Twips to millimetres as a user typed them in Word: Word stores 1.5 cm as 850 or 851
    /// twips, which reads 15, not 14.99. Within 0.06 mm of a half millimetre the value snaps to
    /// it; otherwise it is rounded to 0.1 mm.
    static func millimetres(twips: Int) -> Double {
        let exact = Double(twips) * 25.4 / 1440
        let half = (exact * 2).rounded() / 2
        return abs(exact - half) <= 0.06 ? half : (exact * 10).rounded() / 10
    }

    /// Twips to centimetres, rounded to 0.01 cm (720 twips = 1.27 cm).
    static func centimetres(twips: Int) -> Double {
        (Double(twips) * 2.54 / 1440 * 100).rounded() / 100
    }

    /// Twips to points, rounded to 0.1 pt.
    static func points(twips: Int) -> Double {
        (Double(twips) / 2).rounded() / 10
    }

    /// Half-points (`w:sz`) to points.
    static func points(halfPoints: Int) -> Double {
        Double(halfPoints) / 2
    }
}

/// Names a page size from its width and height in twips.
enum PaperSize {
    /// Named sizes in millimetres, short side first.
    private static let named: [(name: String, short: Double, long: Double)] = [
        ("A3", 297, 420), ("A4", 210, 297), ("A5", 148, 210), ("A6", 105, 148),
        ("B4", 250, 353), ("B5", 176, 250), ("B5 (JIS)", 182, 257),
        ("Letter", 215.9, 279.4), ("Legal", 215.9, 355.6),
    ]
    /// How far a stored size may be from a named one (Word rounds to whole twips; some
    /// producers store A4 as 11900 × 16840).
    private static let toleranceMM = 1.0

    static func name(widthTwips: Int, heightTwips: Int) -> String {
        let width = Units.millimetres(twips: widthTwips), height = Units.millimetres(twips: heightTwips)
        let (short, long) = (min(width, height), max(width, height))
        for size in named where abs(size.short - short) <= toleranceMM && abs(size.long - long) <= toleranceMM {
            return size.name
        }
        return "\(NumberText.plain(width))×\(NumberText.plain(height)) mm"
    }
}
