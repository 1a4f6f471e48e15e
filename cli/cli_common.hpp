#pragma once
// Conventions shared by rasd-index and rasd-search: exit codes, error messages on stderr
// prefixed with the program's name, --version text.

#include <boost/program_options.hpp>

#include <functional>
#include <string>
#include <vector>

namespace rasd::cli {

enum ExitCode : int {
    kExitOk = 0,            // done (skipped records included, unless --strict)
    kExitRuntime = 1,       // runtime or data error
    kExitUsage = 2,         // bad or missing options, bad query
    kExitInterrupted = 130, // stopped by Ctrl-C (128 + SIGINT, as a shell reports it)
};

// --help is laid out for this many columns, the width of a standard terminal.
inline constexpr unsigned kHelpLineLength = 80;

// Runs `body`, mapping exceptions to a one-line "PROGRAM: error: ..." on stderr and an exit
// code: Boost.ProgramOptions errors and rasd::InvalidArgument are usage errors (2, with a hint
// to --help), every other error is a runtime error (1).
int run(const std::string& program, const std::function<int()>& body);

// Writes "PROGRAM: LEVEL: MESSAGE" to stderr.
void print_diagnostic(const std::string& program, const std::string& level, const std::string& message);

// "PROGRAM (rasd) VERSION" plus the licence line, for --version.
[[nodiscard]] std::string version_text(const std::string& program);

// What an argument starting with '-' is, besides "--" and the options themselves.
enum class DashArguments {
    Options,   // always an option: "-x" that is none is an error
    WordsToo,  // a positional (a query's excluded word) when '-' is followed by a non-ASCII
               // character ("-ميكروباص"), a quote or a bracket, or a letter no short option has
};

// Parses the command line: `visible` options (those --help lists) plus every remaining argument
// into `positionals`, in order. @throws boost::program_options::error for bad options (a usage error).
[[nodiscard]] boost::program_options::variables_map parse_command_line(
    int argc, char** argv, const boost::program_options::options_description& visible,
    std::vector<std::string>& positionals, DashArguments dash_arguments = DashArguments::Options);

// Prints --help (the options, then `exit_status_help`) or --version to stdout if asked for.
// @return true if it printed (the program then exits 0).
bool print_help_or_version(const std::string& program, const boost::program_options::variables_map& vm,
                           const boost::program_options::options_description& visible,
                           const std::string& exit_status_help);

// True when standard output is a terminal (colors, progress, bold highlights).
[[nodiscard]] bool stdout_is_terminal();
[[nodiscard]] bool stderr_is_terminal();

}  // namespace rasd::cli
