// The roles a byline names, shared by the lexicon (its [role.*] sections),
// classify/ (what a role word says) and the output model (Byline).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace bm::detail {

// What a byline says a person did: the lexicon's [role.*] sections, one
// each. None: a bare name that continues the byline before it (the parse's
// result only: an article's bylines always have a role).
enum class BylineRole : uint8_t { None, Reporter, Correspondent, Photographer, Editor, Intern, Author };

// "reporter", "correspondent", "photographer", "editor", "intern", "author"
// (the JSON and C API names, and the [role.NAME] sections); "" for None.
const char *role_name(BylineRole role);
// The role of a name role_name gives (not ""), or nothing.
std::optional<BylineRole> role_from_name(std::string_view name);

}  // namespace bm::detail
