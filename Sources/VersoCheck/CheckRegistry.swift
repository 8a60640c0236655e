/// Every check Verso runs, in the order `verso checks` lists them. A test fails when a file in
/// `Checks/` has no line here.
public enum CheckRegistry {
    public static let all: [any Check.Type] = [
        EntityMistranslationCheck.self,
        SpuriousBreakCheck.self,
        OmissionCheck.self,
        AdditionCheck.self,
        UntranslatedCheck.self,
        NumberMismatchCheck.self,
        DateMismatchCheck.self,
        WordOrderCheck.self,
        NegationCheck.self,
        TerminologyCheck.self,
        FalseFriendCheck.self,
        QuotePunctuationCheck.self,
        DuplicationCheck.self,
        BoilerplateCheck.self,
        TruncationCheck.self,
        TypographyCheck.self,
        MisalignmentCheck.self,
        PlaceholderMismatchCheck.self,
        TagMismatchCheck.self,
        UrlMismatchCheck.self,
        ShortcutMismatchCheck.self,
        BracketMismatchCheck.self,
        SpellingCheck.self,
    ]
}
