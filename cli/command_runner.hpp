#pragma once
// Running a shell command with a text on its standard input (rasd-watch --exec): the command is
// run by /bin/sh -c, so a desk can write pipes and redirections in it.

#include <string>

namespace rasd::cli {

struct CommandOutcome {
    bool succeeded = false;
    std::string failure;  // "exit status 3", "killed by signal 9", "cannot start /bin/sh: ..."
};

// Runs `command` with `input` on its standard input and waits for it. Its standard output and
// error are this program's. A command that does not read its input is no failure by itself.
[[nodiscard]] CommandOutcome run_shell_command(const std::string& command, const std::string& input);

}  // namespace rasd::cli
