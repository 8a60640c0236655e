/// Every check Verso runs, in the order `verso checks` lists them. A test fails when a file in
/// `Checks/` has no line here.
public enum CheckRegistry {
    public static let all: [any Check.Type] = [
        BoilerplateCheck.self,
        SpuriousBreakCheck.self,
        NumberMismatchCheck.self,
        DateMismatchCheck.self,
        NegationCheck.self,
        QuotePunctuationCheck.self,
        TruncationCheck.self,
        TypographyCheck.self,
    ]

    /// The check with this code.
    public static func check(_ code: String) -> (any Check.Type)? { all.first { $0.info.code == code } }
}
