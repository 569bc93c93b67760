#include "template/deflate.hpp"

#include <zlib.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>

namespace prikaz {

namespace {

// Chunks the writer may queue before it waits: two keep the worker busy while
// the writer fills a third.
constexpr std::size_t max_queued = 2;

class Deflater {
public:
    explicit Deflater(int level) {
        // Raw deflate (negative window bits), as ZIP stores it; memLevel 8 is zlib's default.
        if (deflateInit2(&z_, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw std::runtime_error("zlib: deflateInit2 failed");
    }
    ~Deflater() { deflateEnd(&z_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    void add(std::string_view bytes, Deflated& out) {
        out.crc = static_cast<std::uint32_t>(
            crc32_z(out.crc, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
        out.size += bytes.size();
        while (!bytes.empty()) {
            const std::size_t n = std::min<std::size_t>(bytes.size(), 1u << 30);  // avail_in is 32-bit
            run(bytes.substr(0, n), Z_NO_FLUSH, out.bytes);
            bytes.remove_prefix(n);
        }
    }
    void finish(Deflated& out) { run({}, Z_FINISH, out.bytes); }

private:
    void run(std::string_view in, int flush, std::string& out) {
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        z_.avail_in = static_cast<uInt>(in.size());
        for (;;) {
            const std::size_t used = out.size();
            out.resize(used + step);
            z_.next_out = reinterpret_cast<Bytef*>(out.data() + used);
            z_.avail_out = step;
            const int status = deflate(&z_, flush);
            out.resize(used + step - z_.avail_out);
            if (status == Z_STREAM_ERROR) throw std::runtime_error("zlib: deflate failed");
            if (flush == Z_FINISH ? status == Z_STREAM_END : z_.avail_out != 0) return;
        }
    }

    static constexpr uInt step = 1u << 16;
    z_stream z_{};
};

}  // namespace

DeflateStream::DeflateStream(int level) : worker_([this, level] { work(level); }) {}

DeflateStream::~DeflateStream() {
    if (!worker_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void DeflateStream::write(std::string& chunk) {
    if (chunk.empty()) return;
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < max_queued || done_; });
    if (done_) {  // the worker failed; finish() reports it
        chunk.clear();
        return;
    }
    queue_.push_back(std::move(chunk));
    chunk = std::string();
    if (!spare_.empty()) {
        chunk = std::move(spare_.back());
        spare_.pop_back();
    }
    lock.unlock();
    changed_.notify_all();
}

Deflated DeflateStream::finish() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    worker_.join();
    if (failure_) std::rethrow_exception(failure_);
    return std::move(result_);
}

void DeflateStream::work(int level) {
    Deflated out;
    out.crc = static_cast<std::uint32_t>(crc32_z(0, nullptr, 0));
    std::exception_ptr failure;
    try {
        Deflater deflater(level);
        for (;;) {
            std::string chunk;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
                if (queue_.empty()) break;  // closing, and everything is deflated
                chunk = std::move(queue_.front());
                queue_.pop_front();
            }
            changed_.notify_all();
            deflater.add(chunk, out);
            chunk.clear();
            std::lock_guard lock(mutex_);
            spare_.push_back(std::move(chunk));
        }
        deflater.finish(out);
    } catch (...) {
        failure = std::current_exception();
    }
    {
        std::lock_guard lock(mutex_);
        result_ = std::move(out);
        failure_ = failure;
        done_ = true;
    }
    changed_.notify_all();
}

}  // namespace prikaz
