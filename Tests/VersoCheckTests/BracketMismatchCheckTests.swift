import XCTest
@testable import VersoCheck

final class BracketMismatchCheckTests: XCTestCase {
    let check = BracketMismatchCheck.self

    func testBracesOnEitherSide() throws {
        try assertFlags(check, "{count, plural, one {# file} other {# files}}", "⟦{⟧count, plural, one {# fichier} other {# fichiers}")
        try assertFlags(check, "Hello, {name}⟦}⟧", "Bonjour, {name}", side: .source)
        try assertClean(check, "{count, plural, one {# file} other {# files}}", "{count, plural, one {# fichier} other {# fichiers}}")
    }

    func testSourceImbalance() throws {
        try assertFlags(check, "Remove the package ⟦(⟧and its configuration files.", "Supprimer le paquet (et ses fichiers de configuration).", side: .source)
        try assertFlags(check, "⟦“⟧Where were you? she asked.", "« Où étais-tu ? » demanda-t-elle.", side: .source)
        // The target does the same: a quotation that goes on in the next pair.
        try assertClean(check, "“Where were you?", "« Où étais-tu ?")
        // "1)" opening a list item is no closing bracket.
        try assertClean(check, "1) Open the lid.", "1) Ouvrez le couvercle.")
    }

    func testBracketedGroups() throws {
        try assertFlags(check, "Continue? [Y/n]", "Continuer ? O/n")
        try assertClean(check, "Continue? [Y/n]", "Continuer ? [O/n]")
        try assertClean(check, "Remove the package (and its configuration files).", "Supprimer le paquet et ses fichiers de configuration.")
    }
}
