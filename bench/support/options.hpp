#pragma once
// The command lines of the benchmarks: reading arguments, counts and lists, the default inputs
// (the ANT files next to the repository, fixed at configure time) and the SKIP of a missing one.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::bench {

// The arguments of a command line one at a time, for an option loop such as
//   for (ArgReader args(argc, argv); args.next();) {
//       if (args.arg() == "--queries") queries = parse_count(args.value());
//   }
class ArgReader {
public:
    ArgReader(int argc, char** argv) : m_argc(argc), m_argv(argv) {}

    // Moves to the next argument; false after the last.
    bool next();

    const std::string& arg() const { return m_arg; }

    // The value of the option just read (the argument after it), or throws
    // std::invalid_argument "<option> needs a value".
    std::string value();

private:
    int m_argc;
    char** m_argv;
    int m_at = 0;  // argv[0] is the program
    std::string m_arg;
};

// A whole non-negative decimal number, or throws std::invalid_argument.
std::uint64_t parse_count(std::string_view s);

// The non-empty items of a comma-separated list ("a,,b" -> a, b).
std::vector<std::string> split_list(const std::string& list);

// The command line as a shell would take it back (arguments with unusual characters quoted).
std::string command_line(int argc, char** argv);

// The inputs of the archive benchmarks when none are given: the two ANT JSON-lines files.
std::vector<std::string> default_ant_inputs();

// The ANT multisource file, the corpus of the analyzer and ranking benchmarks by default.
std::string default_multisource_corpus();

// The repository's judged corpus (corpus/: articles, queries.tsv, qrels.tsv).
std::string default_judged_corpus();

// A missing input makes a benchmark skip (exit 0): prints "<name>: SKIP: <input> not found" on
// stdout for the first input that does not exist and returns true.
bool skip_missing_input(std::string_view name, const std::vector<std::string>& inputs);

// The same for an input that must be a regular file (a folder or a missing path skips).
bool skip_missing_file(std::string_view name, const std::string& path);

}  // namespace rasd::bench
