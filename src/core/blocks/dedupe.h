// Stage 4b: text the extractor repeated. A run of at least k_min_repeat bytes
// of a piece that already stands in the text of the pieces just before it
// (a sliding window) is cut out once; the piece is flagged. Linear time:
// every byte enters and leaves the window's shingle table once.
#pragma once
#include <vector>

#include "core/lines/lines.h"

namespace bm::detail {

// Returns the number of repeats removed. Pieces emptied by a cut are erased,
// and the piece before them is flagged duplicate_cut instead. A cut piece's
// text is kept in `edits`.
size_t remove_repeats(std::vector<Piece> &pieces, TextStore &edits);

}  // namespace bm::detail
