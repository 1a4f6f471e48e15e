#include "cli_common.hpp"

#include <rasd/error.hpp>
#include <rasd/version.hpp>

#include <boost/program_options/errors.hpp>

#include <algorithm>
#include <iostream>
#include <unistd.h>

namespace rasd::cli {

void print_diagnostic(const std::string& program, const std::string& level, const std::string& message) {
    std::cerr << program << ": " << level << ": " << message << '\n';
}

int run(const std::string& program, const std::function<int()>& body) {
    try {
        return body();
    } catch (const boost::program_options::error& e) {
        print_diagnostic(program, "error", e.what());
        std::cerr << "Try '" << program << " --help' for more information.\n";
        return kExitUsage;
    } catch (const InvalidArgument& e) {
        print_diagnostic(program, "error", e.what());
        return kExitUsage;
    } catch (const std::exception& e) {
        print_diagnostic(program, "error", e.what());
        return kExitRuntime;
    }
}

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether `arg` is a word for DashArguments::WordsToo: "-ميكروباص", "-\"a phrase\"", "-(a OR b)",
// "-cnn" (no short option is -c), "-trade" (a Latin word of 2 letters or more, although -t is
// an option: a value glued to a short option, "-tpolitics", is written "-t politics"); not
// "-n5", "-t", "-1" or "--limit".
bool is_dash_word(const std::string& arg, const boost::program_options::options_description& visible) {
    if (arg.size() < 2 || arg[0] != '-' || arg[1] == '-') return false;
    const auto next = static_cast<unsigned char>(arg[1]);
    if (next >= 0x80U || next == '"' || next == '\'' || next == '(') return true;
    if (!is_ascii_letter(arg[1])) return false;
    if (arg.size() > 2 && std::all_of(arg.begin() + 1, arg.end(), is_ascii_letter)) return true;
    return visible.find_nothrow(arg.substr(0, 2), false, false, false) == nullptr;
}

}  // namespace

boost::program_options::variables_map parse_command_line(
    int argc, char** argv, const boost::program_options::options_description& visible,
    std::vector<std::string>& positionals, DashArguments dash_arguments) {
    namespace po = boost::program_options;
    po::options_description all;
    all.add(visible).add_options()("positional", po::value(&positionals));
    po::positional_options_description positional;
    positional.add("positional", -1);
    po::command_line_parser parser(argc, argv);
    parser.options(all).positional(positional);
    if (dash_arguments == DashArguments::WordsToo) {
        // Tried before the option parsers; an option with no name is a positional, kept in order.
        parser.extra_style_parser([&visible](std::vector<std::string>& args) {
            std::vector<po::option> word;
            if (args.empty() || !is_dash_word(args.front(), visible)) return word;
            word.emplace_back();
            word.back().value.push_back(args.front());
            word.back().original_tokens.push_back(args.front());
            args.erase(args.begin());
            return word;
        });
    }
    po::variables_map vm;
    po::store(parser.run(), vm);
    po::notify(vm);
    return vm;
}

bool print_help_or_version(const std::string& program, const boost::program_options::variables_map& vm,
                           const boost::program_options::options_description& visible,
                           const std::string& exit_status_help) {
    if (vm.count("help")) {
        std::cout << visible << '\n' << exit_status_help;
        return true;
    }
    if (vm.count("version")) {
        std::cout << version_text(program);
        return true;
    }
    return false;
}

std::string version_text(const std::string& program) {
    return program + " (rasd) " + kVersion + "\nFull-text search for Arabic news archives.\n";
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace rasd::cli
