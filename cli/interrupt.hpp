#pragma once
// Ctrl-C as a request to stop cleanly. After catch_interrupt(), the first SIGINT only sets a flag
// that the program polls at safe points (between articles), so that it can commit or roll back,
// say what it left, and exit 130; a second Ctrl-C stops the program at once, as usual. A SIGINT
// that was ignored when the program started (a background job of a script) stays ignored.

namespace rasd::cli {

// Thrown at a safe point once Ctrl-C was pressed; deliberately not a std::exception, so that no
// handler for errors takes it for one.
struct Interrupted {};

// Installs the SIGINT handler (once; later calls do nothing).
void catch_interrupt();

// The same for SIGINT and SIGTERM (a service manager's stop): either only sets the flag that
// interrupt_requested() reads, for programs that run until told to stop (rasd-watch --follow).
void catch_stop_signals();

// True once SIGINT arrived after catch_interrupt().
[[nodiscard]] bool interrupt_requested();

// Throws Interrupted if SIGINT arrived.
void stop_if_interrupted();

// While one lives, SIGINT is blocked on the calling thread, so the threads it starts (a
// ParallelIndexer's workers) inherit the block: Ctrl-C then always reaches the main thread, and
// interrupts a read of the input that waits (standard input from a pipe or a terminal) instead of
// going to a worker and leaving the read waiting.
class InterruptBlockedInNewThreads {
public:
    InterruptBlockedInNewThreads();
    ~InterruptBlockedInNewThreads();  // unblocks it again on the calling thread
    InterruptBlockedInNewThreads(const InterruptBlockedInNewThreads&) = delete;
    InterruptBlockedInNewThreads& operator=(const InterruptBlockedInNewThreads&) = delete;

private:
    bool m_blocked = false;
};

}  // namespace rasd::cli
