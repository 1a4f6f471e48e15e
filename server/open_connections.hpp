#pragma once
// The connections a server has accepted, found among the process's sockets, so that a stopping
// server can end the idle ones at once: cpp-httplib 0.11 lets a worker wait out the whole
// keep-alive timeout on an idle connection before it sees the server has stopped.

namespace rasd::serve {

// Ends reading on every accepted TCP connection whose local port is `port` and which holds no
// unread bytes (the listening socket itself is left alone): a worker waiting for the next
// request on one sees its end at once and closes it, while a reply being written still goes
// out whole and a request already received is still read and answered. Connections of other
// ports (a remote shard's) are untouched. Linux (/proc/self/fd); elsewhere it does nothing and
// idle connections close at their keep-alive timeout.
void stop_reading_connections(int port);

}  // namespace rasd::serve
