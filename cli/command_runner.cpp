#include "command_runner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string_view>

namespace rasd::cli {
namespace {

std::string system_error_text() { return std::strerror(errno); }

// Writes `text` to `fd` until done or the reader goes away (EPIPE: it did not want all of it).
void write_input(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = ::write(fd, text.data(), text.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

}  // namespace

CommandOutcome run_shell_command(const std::string& command, const std::string& input) {
    // A command that exits without reading must not kill this program with SIGPIPE.
    ::signal(SIGPIPE, SIG_IGN);
    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) return {false, "cannot make a pipe: " + system_error_text()};
    const pid_t child = ::fork();
    if (child < 0) {
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        return {false, "cannot start /bin/sh: " + system_error_text()};
    }
    if (child == 0) {
        ::signal(SIGPIPE, SIG_DFL);  // ignored signals would stay ignored across exec
        ::dup2(pipe_fds[0], STDIN_FILENO);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        constexpr int kCannotExecute = 126;  // the shell's own status for this
        ::_exit(kCannotExecute);
    }
    ::close(pipe_fds[0]);
    write_input(pipe_fds[1], input);
    ::close(pipe_fds[1]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) return {false, "cannot wait for the command: " + system_error_text()};
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {true, ""};
    if (WIFSIGNALED(status)) return {false, "killed by signal " + std::to_string(WTERMSIG(status))};
    return {false, "exit status " + std::to_string(WEXITSTATUS(status))};
}

}  // namespace rasd::cli
