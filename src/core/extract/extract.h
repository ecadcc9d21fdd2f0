// Stage 7: draft articles -> the page model: headline parts and roles,
// bylines by role, dateline, editor's note, normalized paragraphs, kind,
// flags, spans and field spans. `page.text` holds the decoded text the pieces
// point into (the field spans are read against it).
#pragma once
#include <vector>

#include "core/assemble/assemble.h"
#include "core/common/model.h"

namespace bm::detail {

class Lexicon;

void extract_page(const Assembly &assembly, const std::vector<Line> &lines, const Lexicon &lex, Page &page);

}  // namespace bm::detail
