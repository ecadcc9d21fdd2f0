// Counting lexicon cues in text: the evidence for furniture (ads, weather
// boxes, QR prompts) and masthead lines.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/lexicon/lexicon.h"

namespace bm::detail {

// How many distinct words of the cue's section occur in `text`.
int count_cues(std::string_view text, const Lexicon &lex, Cue cue);
// Whether one does (Lexicon::cues_in answers for every cue at once).
bool has_cue(std::string_view text, const Lexicon &lex, Cue cue);
// A run of at least seven digits: a phone number in an ad.
bool has_phone_number(std::string_view text);
// A forecast: a must-have weather word, a day word and three weather cues.
bool weather_box(std::string_view text, const Lexicon &lex);
// The evidence of an ad: its distinct ad cues, plus one for a phone number.
int ad_evidence(std::string_view text, const Lexicon &lex);

// The same two for a text whose cue sections and phone number are known
// already (for lines joined: the union of the lines' ones, since neither a
// cue word nor a phone number spans a line break). `text()` gives the text;
// it is asked for only where cue words must be counted.
template <class Text>
bool weather_box(const CueSet &cues, Text &&text, const Lexicon &lex) {
  return cues.has(Cue::weather_strong) && cues.has(Cue::weather_time) && count_cues(text(), lex, Cue::weather) >= 3;
}
template <class Text>
int ad_evidence(const CueSet &cues, bool phone, Text &&text, const Lexicon &lex) {
  return (cues.has(Cue::ad) ? count_cues(text(), lex, Cue::ad) : 0) + (phone ? 1 : 0);
}
// A weekday word of the lexicon (星期二, 周二; [date.weekday] entries are
// "word value").
bool is_weekday_word(std::string_view tok, const Lexicon &lex);
// A short line of masthead words only (海宁发布 今海宁客户端, CITY DAILY).
// `whole_is_edition`, when given, is is_edition_line(text) already known (a
// line of one word is an edition line or not: not asked twice).
bool is_masthead_line(std::string_view text, const Lexicon &lex, std::optional<bool> whole_is_edition = std::nullopt);
// The whole text matches an [edition] pattern (海宁版, A3版).
bool is_edition_line(std::string_view text, const Lexicon &lex);
// Does headline line `next` finish line `line`, which the headline column's
// width cut (城南老旧小区加装电梯惠及三百余 / 户)? `line` is long and ends with
// no mark (a Han character or a closing quote), `next` is one or two Han
// characters or a quantity with its unit (…保有量首次突破 / 300万辆): no title
// or subtitle is that short, and a line wraps only when the one above it is
// long.
bool finishes_cut_headline(std::string_view line, std::string_view next);
// The page's credit line: it opens with an [other.page_credit] word
// (本版责编：X  版式设计：Y), furniture though it names people with roles.
bool opens_with_page_credit(std::string_view text, const Lexicon &lex);
// A public-service ad's signature: the sponsor, a space, and an
// [ad.sponsor] word as the line's last word (市生态环境局 宣).
bool is_sponsor_line(std::string_view text, const Lexicon &lex);
// A label that opens a sidebar of a story (延伸阅读, 相关链接: a word of
// [story.sidebar] as the whole line, ornaments such as ■ or 【】 around it
// allowed): the reading and its title that follow belong to the story.
bool is_sidebar_label(std::string_view text, const Lexicon &lex);
// A caption printed inside a story's text: it opens with a word of
// [photo.in_story] (图为…, 上图：…).
bool opens_story_caption(std::string_view text, const Lexicon &lex);
// Does the text open with the day of an event and a comma (`1月2日，`,
// `2025年12月31日，`, in Arabic or full-width digits)? A photo caption opens
// so: the day it was taken, then where.
bool opens_with_day(std::string_view text);

}  // namespace bm::detail
