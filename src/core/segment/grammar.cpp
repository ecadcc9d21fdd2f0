#include "core/segment/grammar.h"

namespace bm::detail {

Role role_of(State s) {
  switch (s) {
    case State::Header: return Role::Header;
    case State::BoxStart:
    case State::Box: return Role::Box;
    case State::HeadStart:
    case State::Head:
    case State::HeadAfter: return Role::Headline;
    case State::BylineStart:
    case State::Byline: return Role::Byline;
    case State::NoteStart:
    case State::Note: return Role::Note;
    case State::BodyStart:
    case State::Body: return Role::Body;
    case State::CaptionStart:
    case State::Caption: return Role::Caption;
    case State::Credit: return Role::Credit;
    case State::EndNote: return Role::EndNote;
  }
  return Role::Body;
}

bool opens_item(State s) {
  return s == State::BoxStart || s == State::HeadStart || s == State::BylineStart || s == State::NoteStart ||
         s == State::BodyStart || s == State::CaptionStart;
}

const char *state_name(State s) {
  static const char *const names[k_state_count] = {"header",    "box_start", "box",       "head_start", "head",
                                                    "byline_start", "byline", "note_start", "note",    "body_start",
                                                    "body",      "caption_start", "caption", "credit",
                                                    "end_note",  "head_after"};
  return names[static_cast<size_t>(s)];
}

bool allowed(const State *from, State to) {
  if (opens_item(to)) {
    // A new item may start at the top, after the header, or once the item
    // before it has what an item needs (its text, or a whole box).
    if (!from) return true;
    switch (*from) {
      case State::Header:
      case State::BoxStart:
      case State::Box:
      case State::BodyStart:
      case State::Body:
      case State::Credit:
      case State::EndNote:
      case State::HeadAfter: return true;
      default: return false;  // a caption must reach its credit first
    }
  }
  if (!from) return to == State::Header;
  const State f = *from;
  switch (to) {
    case State::Header: return f == State::Header;
    case State::Box: return f == State::BoxStart || f == State::Box;
    case State::Head:
      return f == State::HeadStart || f == State::Head || f == State::NoteStart || f == State::Note;
    case State::Byline:
      return f == State::HeadStart || f == State::Head || f == State::BylineStart || f == State::Byline ||
             f == State::NoteStart || f == State::Note;
    case State::Note:
      return f == State::HeadStart || f == State::Head || f == State::BylineStart || f == State::Byline ||
             f == State::NoteStart || f == State::Note;
    case State::Body:
      return f == State::HeadStart || f == State::Head || f == State::BylineStart || f == State::Byline ||
             f == State::NoteStart || f == State::Note || f == State::BodyStart || f == State::Body;
    case State::Caption:
      return f == State::HeadStart || f == State::Head || f == State::CaptionStart || f == State::Caption;
    case State::Credit:
      return f == State::BodyStart || f == State::Body || f == State::CaptionStart || f == State::Caption ||
             f == State::Credit;
    case State::EndNote:
      return f == State::BodyStart || f == State::Body || f == State::Credit || f == State::EndNote;
    case State::HeadAfter:
      return f == State::BodyStart || f == State::Body || f == State::Credit || f == State::EndNote ||
             f == State::HeadAfter;
    default: return false;
  }
}

}  // namespace bm::detail
