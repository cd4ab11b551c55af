#include "text/broken_words.h"

#include "lexicon/lexicon.h"
#include "lexicon/spelling.h"
#include "util/text.h"

namespace overleg {

namespace fmt = lexicon_format;

// 2. A word broken in two by a space: "wei nig" -> "weinig",
// "cri sis-/noodsituaties" -> "crisis-/...". Only when a half is no word and
// the whole is one.
void join_broken_words(std::vector<Piece>& p, const Lexicon& lex, RepairLog& log) {
  for (std::size_t i = 0; i + 2 < p.size(); ++i) {
    Piece& a = p[i];
    Piece& sp = p[i + 1];
    Piece& b = p[i + 2];
    if (a.kind != PieceKind::word || sp.kind != PieceKind::space || sp.text != " " || b.kind != PieceKind::word) continue;
    if (a.protect || b.protect || a.text.empty() || b.text.empty()) continue;
    // a ends its chunk, b begins its own: nothing between them but the space.
    CaseShape sa = case_shape(a.text), sb = case_shape(b.text);
    if (sb != CaseShape::lower || !(sa == CaseShape::lower || sa == CaseShape::capitalised)) continue;
    if (letters(b.text) < 2) continue;
    SpellingContext ctx = context_of(p, i + 2);
    bool a_known = check_spelling(lex, a.text) != Spelling::unknown;
    bool b_known = check_spelling(lex, b.text, ctx) != Spelling::unknown;
    if (a_known && b_known) continue;  // "aan bod", "voor middagen": two words
    // Function words are words of their own, not halves ("snipperd en").
    if (lex.info(to_lower(a.text)).has(fmt::kFunction) || lex.info(b.text).has(fmt::kFunction)) continue;
    // One half unknown and the whole a lexicon entry ("inschrij ving", "wei
    // nig"); both halves unknown and the whole a compound ("traditi onele").
    std::string whole = a.text + b.text;
    Spelling s = check_spelling(lex, whole, ctx);
    if (s == Spelling::unknown || (s == Spelling::compound && (a_known || b_known))) continue;
    log.add(a.text + " " + b.text, whole, "join");
    a.text = whole;
    sp.text.clear();
    b.text.clear();
    b.kind = PieceKind::other;
  }
}

}  // namespace overleg
