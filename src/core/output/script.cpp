#include "core/output/script.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "core/common/error.h"

namespace bm::detail {

struct ScriptConverter::Pool {
  const char *id;
  std::mutex mutex;
  std::vector<std::unique_ptr<icu::Transliterator>> idle;
};

namespace {

// A transliterator taken from a pool for one page (or one string) and put back
// when done: only this thread uses it meanwhile.
class Lease {
 public:
  explicit Lease(ScriptConverter::Pool *pool);
  ~Lease();
  Lease(const Lease &) = delete;
  Lease &operator=(const Lease &) = delete;

  std::string convert(std::string_view utf8) const {
    bool ascii = true;
    for (const char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(utf8);  // nothing to convert
    if (utf8.size() > static_cast<size_t>(INT32_MAX))
      throw Error(BM_E_TOO_LARGE, "a text of over 2 GiB cannot be converted to another script");
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    t_->transliterate(u);
    std::string out;
    out.reserve(utf8.size());
    u.toUTF8String(out);
    return out;
  }
  void convert(std::string &s) const { s = convert(std::string_view(s)); }
  void convert(std::optional<std::string> &s) const {
    if (s) convert(*s);
  }

 private:
  ScriptConverter::Pool *pool_;
  std::unique_ptr<icu::Transliterator> t_;
};

Lease::Lease(ScriptConverter::Pool *pool) : pool_(pool) {
  {
    std::lock_guard<std::mutex> lock(pool_->mutex);
    if (!pool_->idle.empty()) {
      t_ = std::move(pool_->idle.back());
      pool_->idle.pop_back();
      return;
    }
  }
  // None idle: a new one (created outside the lock; it joins the pool after use).
  UErrorCode status = U_ZERO_ERROR;
  t_.reset(icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(pool_->id), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t_)
    throw Error(BM_E_INTERNAL, std::string("ICU has no transliterator ") + pool_->id + " (" + u_errorName(status) +
                                   "): the script option needs ICU's transform data");
}

Lease::~Lease() {
  std::lock_guard<std::mutex> lock(pool_->mutex);
  pool_->idle.push_back(std::move(t_));
}

}  // namespace

ScriptConverter::ScriptConverter() {
  pools_[0] = std::make_unique<Pool>();
  pools_[0]->id = "Traditional-Simplified";
  pools_[1] = std::make_unique<Pool>();
  pools_[1]->id = "Simplified-Traditional";
}

ScriptConverter::~ScriptConverter() = default;

std::string ScriptConverter::convert(std::string_view utf8, Script to) const {
  if (to == Script::Keep) return std::string(utf8);
  const Lease lease(pools_[to == Script::Simplified ? 0 : 1].get());
  return lease.convert(utf8);
}

void ScriptConverter::convert_all(std::vector<std::string> &texts, Script to) const {
  if (to == Script::Keep) return;
  const Lease lease(pools_[to == Script::Simplified ? 0 : 1].get());
  for (std::string &t : texts) lease.convert(t);
}

void ScriptConverter::convert_page(Page &page, Script to) const {
  if (to == Script::Keep) return;
  const Lease lease(pools_[to == Script::Simplified ? 0 : 1].get());
  for (std::string &m : page.masthead) lease.convert(m);
  lease.convert(page.edition);
  lease.convert(page.paper);
  lease.convert(page.section);
  lease.convert(page.page_number);
  for (Article &a : page.articles) {
    for (std::string &h : a.headline) lease.convert(h);
    lease.convert(a.kicker);
    lease.convert(a.title);
    lease.convert(a.subtitle);
    lease.convert(a.dateline);
    lease.convert(a.editor_note);
    for (Byline &b : a.bylines) lease.convert(b.name);
    for (std::string &p : a.paragraphs) lease.convert(p);
    if (a.dateline_info) {
      lease.convert(a.dateline_info->source);
      lease.convert(a.dateline_info->place);
    }
    for (DateRef &d : a.dates) lease.convert(d.text);
  }
}

}  // namespace bm::detail
