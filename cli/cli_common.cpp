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

std::string version_text(const std::string& program) {
    return program + " (rasd) " + kVersion + "\nFull-text search for Arabic news archives.\n";
}

bool stdout_is_terminal() { return ::isatty(STDOUT_FILENO) == 1; }
bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace rasd::cli
