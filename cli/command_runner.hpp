#pragma once
// Running a shell command with a text on its standard input (rasd-watch --exec): the command is
// run by /bin/sh -c, so a desk can write pipes and redirections in it.

#include <chrono>
#include <string>

namespace rasd::cli {

struct CommandOutcome {
    bool succeeded = false;
    std::string failure;  // "exit status 3", "killed by signal 9", "cannot start /bin/sh: ..."
};

// Runs `command` with `input` on its standard input and waits for it, at most `time_limit`
// (zero: no limit). Its standard output and error are this program's. A command that does not
// read its input is no failure by itself. One still running at the limit, or when a stop signal
// came (interrupt_requested()), is sent SIGTERM with everything it started (its own process
// group), then SIGKILL kKillGrace later: a hung mail command must not hold the program.
[[nodiscard]] CommandOutcome run_shell_command(const std::string& command, const std::string& input,
                                               std::chrono::milliseconds time_limit);

// How long a command told to stop may take before it is killed.
inline constexpr std::chrono::milliseconds kKillGrace{2000};

}  // namespace rasd::cli
