#include "cli_common.hpp"

#include <rasd/error.hpp>
#include <rasd/version.hpp>

#include <boost/program_options/errors.hpp>

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

boost::program_options::variables_map parse_command_line(
    int argc, char** argv, const boost::program_options::options_description& visible,
    std::vector<std::string>& positionals) {
    namespace po = boost::program_options;
    po::options_description all;
    all.add(visible).add_options()("positional", po::value(&positionals));
    po::positional_options_description positional;
    positional.add("positional", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
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
