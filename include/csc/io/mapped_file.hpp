/// @file
/// @brief `csc::io::mapped_file`: a file's bytes in memory, memory-mapped
/// read-only where the platform can (POSIX `mmap`), read whole otherwise, for
/// readers that take views into their input (csc::io::csv_reader::over()).
#ifndef CSC_IO_MAPPED_FILE_HPP
#define CSC_IO_MAPPED_FILE_HPP

#include <cerrno>
#include <cstddef>
#include <fstream>
#include <ios>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#if defined(__unix__) && !defined(__EMSCRIPTEN__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define CSC_IO_MAPPED_FILE_MMAP 1
#endif

namespace csc::io {

/// @brief The bytes of one file, held for as long as the object lives.
///
/// On POSIX systems (not WebAssembly) the file is mapped read-only with
/// `mmap` (pages are read as they are first touched, the kernel told the access
/// is sequential); elsewhere, or for a file that cannot be mapped (a pipe, an
/// empty file), it is read whole into memory. Either way bytes() is the whole
/// file. The file must not be truncated by another process while mapped (POSIX
/// then ends the process with SIGBUS).
class mapped_file {
 public:
  /// @brief Maps (or reads) @p path.
  /// @param path the file.
  /// @throws std::system_error (generic category, the `errno` of the failing call) if the
  /// file cannot be opened or read; what() names @p path.
  explicit mapped_file(std::string path) : path_(std::move(path)) {
#ifdef CSC_IO_MAPPED_FILE_MMAP
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw std::system_error(errno, std::generic_category(), path_);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      const int e = errno;
      ::close(fd);
      throw std::system_error(e, std::generic_category(), path_);
    }
    if (S_ISDIR(st.st_mode)) {
      ::close(fd);
      throw std::system_error(EISDIR, std::generic_category(), path_);
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        ::close(fd);
        map_ = p;
        size_ = static_cast<std::size_t>(st.st_size);
        ::madvise(map_, size_, MADV_SEQUENTIAL);
        return;
      }
    }
    ::close(fd);
#endif
    read_whole();
  }

  mapped_file(const mapped_file&) = delete;
  mapped_file& operator=(const mapped_file&) = delete;
  /// @brief Takes over @p other's bytes (views into them stay valid).
  /// @param other a file; left empty.
  mapped_file(mapped_file&& other) noexcept
      : path_(std::move(other.path_)), map_(std::exchange(other.map_, nullptr)),
        size_(std::exchange(other.size_, 0)), copy_(std::move(other.copy_)) {}
  /// @brief Unmaps the file.
  ~mapped_file() {
#ifdef CSC_IO_MAPPED_FILE_MMAP
    if (map_ != nullptr) ::munmap(map_, size_);
#endif
  }

  /// @brief The file's bytes.
  /// @return a view of the whole file, valid while this object lives.
  std::string_view bytes() const noexcept {
    return map_ != nullptr ? std::string_view(static_cast<const char*>(map_), size_)
                           : std::string_view(copy_.data(), copy_.size());
  }
  /// @brief The path given to the constructor.
  /// @return the path, as given.
  const std::string& path() const noexcept { return path_; }
  /// @brief Whether the bytes are a memory mapping (false: read into memory).
  /// @return true if mapped.
  bool mapped() const noexcept { return map_ != nullptr; }

 private:
  void read_whole() {
    std::ifstream in(path_, std::ios::binary);
    if (!in) throw std::system_error(errno ? errno : EIO, std::generic_category(), path_);
    char block[1 << 16];
    for (;;) {
      in.read(block, sizeof block);
      copy_.insert(copy_.end(), block, block + in.gcount());
      if (!in) break;
    }
    if (in.bad()) throw std::system_error(errno ? errno : EIO, std::generic_category(), path_);
  }

  std::string path_;
  void* map_ = nullptr;
  std::size_t size_ = 0;
  std::vector<char> copy_;  // a vector, not a string: its bytes stay put when moved (no short-string buffer)
};

}  // namespace csc::io

#endif  // CSC_IO_MAPPED_FILE_HPP
