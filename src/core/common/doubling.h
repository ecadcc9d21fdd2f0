// Fake-bold doubling (an extractor printed every run of a headline twice):
// shared by the decoder's features (segment/) and headline repair (extract/).
#pragma once
#include <string>

namespace bm::detail {

// `县政府召开常务会议县政府召开常务会议` -> `县政府召开常务会议`; the string is left
// alone (and false returned) unless all of it reads as doubled runs.
bool undouble(std::string &text);

}  // namespace bm::detail
