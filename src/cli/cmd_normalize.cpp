// banmian normalize [--encoding ENC] [--strict] [--script SCRIPT] [FILE|-]
#include <cstdio>
#include <iostream>

#include "banmian/banmian.h"
#include "commands.h"
#include "read_input.h"

namespace bm::cli {

int run_normalize(const std::vector<std::string> &args) {
  std::string encoding = "auto";
  std::string path = "-";
  bool strict = false;
  bool have_path = false;
  int script = BM_SCRIPT_KEEP;
  const char *usage =
      "usage: banmian normalize [--encoding ENC] [--strict] [--script keep|simplified|traditional] [FILE|-]\n";
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (a == "--encoding" && i + 1 < args.size()) {
      encoding = args[++i];
    } else if (a.rfind("--encoding=", 0) == 0) {
      encoding = a.substr(11);
    } else if (a == "--strict") {
      strict = true;
    } else if (a == "--script" || a.rfind("--script=", 0) == 0) {
      if (a == "--script" && i + 1 >= args.size()) {
        std::cerr << "banmian normalize: --script needs a value\n" << usage;
        return 2;
      }
      const std::string v = a == "--script" ? args[++i] : a.substr(9);
      if (!script_value(v, &script)) {
        std::cerr << "banmian normalize: --script needs keep, simplified or traditional, not '" << v << "'\n"
                  << usage;
        return 2;
      }
    } else if ((a.empty() || a[0] != '-' || a == "-") && !have_path) {
      path = a;
      have_path = true;
    } else {
      std::cerr << "banmian normalize: unexpected argument '" << a << "'\n" << usage;
      return 2;
    }
  }
  std::string bytes, error;
  if (!read_input(path, BM_DEFAULT_MAX_INPUT_BYTES, &bytes, &error)) {  // the parser below has the default limit
    std::cerr << "banmian: " << error << "\n";
    return 1;
  }
  bm_parser *parser = nullptr;
  if (bm_parser_new(nullptr, &parser) != BM_OK) {
    report_error("creating the parser");
    return 1;
  }
  bm_parse_options opts = BM_PARSE_OPTIONS_INIT;
  opts.encoding = encoding.c_str();
  if (strict) opts.flags |= BM_PARSE_STRICT_DECODING;
  opts.script = script;
  char *out = nullptr;
  size_t len = 0;
  const bm_status st = bm_normalize(parser, bytes.data(), bytes.size(), &opts, &out, &len);
  if (st != BM_OK) {
    report_error(path == "-" ? "<stdin>" : path);
    bm_parser_free(parser);
    return 1;
  }
  std::fwrite(out, 1, len, stdout);
  bm_string_free(out);
  bm_parser_free(parser);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace bm::cli
