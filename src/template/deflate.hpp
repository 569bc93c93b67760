// Deflating a rendered part while it is being rendered: the renderer hands over
// chunks, a second thread compresses them, so that the two overlap (deflate is
// the larger half of the work, bench/README.md) and the expanded part is never
// kept, in memory or on disk.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace prikaz {

// A part as a ZIP entry stores it.
struct Deflated {
    std::string bytes;       // raw deflate stream (no zlib header)
    std::uint32_t crc = 0;   // CRC-32 of the expanded bytes
    std::uint64_t size = 0;  // expanded size
};

class DeflateStream {
public:
    // zlib's level 6: level 9 costs half the render time for 7 % smaller files (bench/README.md).
    explicit DeflateStream(int level = 6);
    ~DeflateStream();
    DeflateStream(const DeflateStream&) = delete;
    DeflateStream& operator=(const DeflateStream&) = delete;

    // Takes the bytes of `chunk`, leaving it empty (with a spare buffer's capacity
    // to fill again). Waits while two chunks are already queued, so memory stays bounded.
    void write(std::string& chunk);
    // The whole stream; throws std::runtime_error if zlib failed.
    Deflated finish();

private:
    void work(int level);

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::string> queue_;   // chunks waiting to be deflated
    std::vector<std::string> spare_;  // deflated chunks, their buffers to reuse
    bool closing_ = false;
    bool done_ = false;
    std::exception_ptr failure_;
    Deflated result_;
    std::thread worker_;
};

}  // namespace prikaz
