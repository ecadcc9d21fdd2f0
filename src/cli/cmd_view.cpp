// `banmian view`: the page view (one self-contained HTML file) is rendered by
// the Python package, so that there is one renderer
// (bindings/python/banmian/_view.py); this command runs
// `python3 -c <launcher> ARGS...`, the same as `python -m banmian view ARGS...`.
// $BANMIAN_PYTHON names another interpreter. Exit status: the module's
// (0 ok, 1 input error, 2 usage), or 1 when no Python with banmian is found.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#if !defined(_WIN32)
#include <cerrno>
#include <cstring>
#include <unistd.h>
#endif

#include "commands.h"

namespace bm::cli {

namespace {

const char *k_launcher =
    "import sys\n"
    "try:\n"
    "    from banmian.__main__ import main\n"
    "except ImportError as e:\n"
    "    sys.stderr.write('banmian view: needs the banmian Python package (pip install .'\n"
    "                     ' in the source tree): %s\\n' % e)\n"
    "    sys.exit(1)\n"
    "sys.exit(main(['view'] + sys.argv[1:]))\n";

}  // namespace

int run_view(const std::vector<std::string> &args) {
  const char *env = std::getenv("BANMIAN_PYTHON");
  const std::string python = env && *env ? env : "python3";
#if defined(_WIN32)
  (void)args;
  std::cerr << "banmian view: run `" << python << " -m banmian view ...` (the view is made by the Python package)\n";
  return 1;
#else
  std::vector<std::string> words = {python, "-c", k_launcher};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char *> argv;
  for (std::string &w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  std::cout.flush();
  execvp(argv[0], argv.data());
  const int err = errno;  // only reached when exec failed
  std::cerr << "banmian view: cannot run " << python << ": " << std::strerror(err)
            << " (the view is made by the banmian Python package; set BANMIAN_PYTHON)\n";
  return 1;
#endif
}

}  // namespace bm::cli
