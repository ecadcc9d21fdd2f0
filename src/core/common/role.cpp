#include "core/common/role.h"

namespace bm::detail {

const char *role_name(BylineRole role) {
  switch (role) {
    case BylineRole::None: return "";
    case BylineRole::Reporter: return "reporter";
    case BylineRole::Correspondent: return "correspondent";
    case BylineRole::Photographer: return "photographer";
    case BylineRole::Editor: return "editor";
    case BylineRole::Intern: return "intern";
    case BylineRole::Author: return "author";
  }
  return "";
}

std::optional<BylineRole> role_from_name(std::string_view name) {
  for (BylineRole r : {BylineRole::Reporter, BylineRole::Correspondent, BylineRole::Photographer, BylineRole::Editor, BylineRole::Intern, BylineRole::Author})
    if (name == role_name(r)) return r;
  return std::nullopt;
}

}  // namespace bm::detail
