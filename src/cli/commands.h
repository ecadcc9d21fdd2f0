// Sub-commands of the `banmian` tool. Each returns the process exit code:
// 0 success, 1 a processing error (message on stderr), 2 a usage error.
#pragma once
#include <string>
#include <vector>

namespace bm::cli {

int run_normalize(const std::vector<std::string> &args);
int run_parse(const std::vector<std::string> &args);
// Runs the Python package's renderer (python3 -c ..., or $BANMIAN_PYTHON).
int run_view(const std::vector<std::string> &args);

// The value of --script (keep, simplified, traditional) as a BM_SCRIPT_* value
// in *out; false for anything else.
bool script_value(const std::string &name, int *out);

// Prints "banmian: <what>: <bm_last_error message>" to stderr.
void report_error(const std::string &what);
// The same line (with its newline) as a string, for the calling thread's last error.
std::string error_message(const std::string &what);

}  // namespace bm::cli
