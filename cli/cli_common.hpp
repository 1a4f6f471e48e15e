#pragma once
// Conventions shared by rasd-index and rasd-search: exit codes, error messages on stderr
// prefixed with the program's name, --version text.

#include <functional>
#include <string>

namespace rasd::cli {

enum ExitCode : int {
    kExitOk = 0,       // done (skipped records included, unless --strict)
    kExitRuntime = 1,  // runtime or data error
    kExitUsage = 2,    // bad or missing options, bad query
};

// Runs `body`, mapping exceptions to a one-line "PROGRAM: error: ..." on stderr and an exit
// code: Boost.ProgramOptions errors and rasd::InvalidArgument are usage errors (2, with a hint
// to --help), every other error is a runtime error (1).
int run(const std::string& program, const std::function<int()>& body);

// Writes "PROGRAM: LEVEL: MESSAGE" to stderr.
void print_diagnostic(const std::string& program, const std::string& level, const std::string& message);

// "PROGRAM (rasd) VERSION" plus the licence line, for --version.
[[nodiscard]] std::string version_text(const std::string& program);

// True when standard output is a terminal (colors, progress, bold highlights).
[[nodiscard]] bool stdout_is_terminal();
[[nodiscard]] bool stderr_is_terminal();

}  // namespace rasd::cli
