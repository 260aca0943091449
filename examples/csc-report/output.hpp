// Where csc-report writes: standard output, or --output FILE. Every write is
// checked; a failure names the output and the cause. FILE is written to a
// temporary file beside it and renamed into place only when complete, so a run
// that fails leaves an existing FILE as it was. A reader that quits early
// (EPIPE on standard output, e.g. `csc-report ... | head -1`) is not an error:
// the run ends quietly with status 0 (main ignores SIGPIPE so that it sees EPIPE).
#ifndef CSC_EXAMPLES_OUTPUT_HPP
#define CSC_EXAMPLES_OUTPUT_HPP

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <utility>

namespace csc_report {

struct reader_quit {};  // thrown by output::commit when standard output's reader has gone

// A buffer over a file descriptor that keeps the first write error (errno); nothing
// reaches the descriptor before the buffer is full or flushed.
class fd_buffer : public std::streambuf {
 public:
  int fd = 1;
  int error = 0;
  fd_buffer() { setp(buf_, buf_ + sizeof buf_); }
  int sync() override { return drain() ? 0 : -1; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }

 private:
  bool drain() {
    for (const char* p = pbase(); p < pptr() && error == 0;) {
      const ssize_t n = ::write(fd, p, static_cast<std::size_t>(pptr() - p));
      if (n > 0) p += n;
      else if (n == 0 || errno != EINTR) error = n == 0 ? EIO : errno;
    }
    setp(buf_, buf_ + sizeof buf_);
    return error == 0;
  }
  char buf_[1 << 16];
};

class output {
 public:
  // Standard output when @p path is empty; a device or pipe (/dev/stdout) is written in place.
  explicit output(const std::string& path) : path_(path) {
    namespace fs = std::filesystem;
    if (path.empty()) return;
    std::error_code ec;
    fs::path target = fs::canonical(path, ec);  // a symbolic link: replace the file it points to
    if (ec) target = path;
    const auto status = fs::status(target, ec);
    if (fs::is_directory(status)) throw std::runtime_error(path + ": cannot write: a directory, not a file");
    if (fs::exists(status) && !fs::is_regular_file(status)) {
      if ((buf_.fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC)) < 0) throw error("cannot open", errno);
      return;
    }
    for (int i = 0;; ++i) {  // beside FILE: the rename cannot cross file systems
      temp_ = target.string() + ".csc-report-" + std::to_string(::getpid()) + "-" + std::to_string(i) + ".tmp";
      if ((buf_.fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0) break;
      if (errno != EEXIST || i == 99) throw error("cannot create a temporary file beside it", errno);
    }
    target_ = target.string();
  }
  ~output() {
    if (!path_.empty() && buf_.fd >= 0) ::close(buf_.fd);
    if (!target_.empty()) ::unlink(temp_.c_str());  // not renamed into place: a failed run
  }

  std::ostream& stream() { return os_; }

  // Flushes and checks; a file is closed and renamed into place. Throws naming the output and the cause.
  void commit() {
    os_.flush();
    if (buf_.error == EPIPE && path_.empty()) throw reader_quit{};
    if (buf_.error != 0) throw error("cannot write", buf_.error);
    if (path_.empty()) return;
    if (::close(std::exchange(buf_.fd, -1)) != 0) throw error("cannot write", errno);
    if (target_.empty()) return;
    std::error_code ec;
    // An existing report keeps its permissions (a file readable only by a team stays so).
    const auto existing = std::filesystem::status(target_, ec);
    if (!ec && std::filesystem::is_regular_file(existing))
      std::filesystem::permissions(temp_, existing.permissions(), ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
      throw std::runtime_error(path_ + ": cannot keep its permissions: " + ec.message());
    ec.clear();
    std::filesystem::rename(temp_, target_, ec);
    if (ec) throw std::runtime_error(path_ + ": cannot rename " + temp_ + " into place: " + ec.message());
    target_.clear();
  }

 private:
  std::runtime_error error(const std::string& what, int e) const {
    return std::runtime_error((path_.empty() ? "standard output" : path_) + ": " + what + ": " + std::strerror(e));
  }
  std::string path_, target_, temp_;
  fd_buffer buf_;
  std::ostream os_{&buf_};
};

}  // namespace csc_report

#endif
