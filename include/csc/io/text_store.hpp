/// @file
/// @brief `csc::io::text_store`: the text a record table's records view
/// (LAchildID, codes, kept items), copied once into large blocks instead of one
/// `std::string` per field. Views stay valid for as long as the store lives.
/// `csc::io::text_view`: a record's view of such text, never of a temporary string.
#ifndef CSC_IO_TEXT_STORE_HPP
#define CSC_IO_TEXT_STORE_HPP

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace csc::io {

/// @brief Append-only storage for text that records view as `std::string_view`.
///
/// keep() copies a text into the current block (64 KiB; a text over a quarter of
/// that gets a block of its own) and returns a view of the copy. Blocks never
/// move, so every view stays valid until the store is destroyed. Neither copied
/// nor moved (held by `std::shared_ptr`, so its views never outlive it). One
/// thread at a time may keep(); views may be read from any thread.
/// A record table holds its stores by `std::shared_ptr` (record_table::texts), so
/// copies of the table share them. Source: docs/inputs.md ("Text without a string per record").
class text_store {
 public:
  text_store() = default;
  text_store(const text_store&) = delete;
  text_store& operator=(const text_store&) = delete;
  ~text_store() = default;

  /// @brief Copies @p text into the store.
  /// @param text any bytes (not necessarily UTF-8; NULs included).
  /// @return a view of the copy, valid while the store lives; an empty view for empty @p text.
  /// @throws std::bad_alloc if memory runs out.
  std::string_view keep(std::string_view text) {
    if (text.empty()) return std::string_view();
    if (text.size() > block_bytes / 4) {  // a long text: a block of its own, the current one kept
      blocks_.push_back(std::make_unique<char[]>(text.size()));
      bytes_ += text.size();
      std::memcpy(blocks_.back().get(), text.data(), text.size());
      return std::string_view(blocks_.back().get(), text.size());
    }
    if (text.size() > left_) {
      blocks_.push_back(std::make_unique<char[]>(block_bytes));
      next_ = blocks_.back().get();
      left_ = block_bytes;
      bytes_ += block_bytes;
    }
    char* at = next_;
    std::memcpy(at, text.data(), text.size());
    next_ += text.size();
    left_ -= text.size();
    return std::string_view(at, text.size());
  }

  /// @brief Memory the store holds.
  /// @return bytes allocated for blocks (at least the bytes kept).
  std::size_t bytes() const noexcept { return bytes_; }

 private:
  static constexpr std::size_t block_bytes = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t bytes_ = 0;
};

/// @brief The text a record holds (LAchildID, a code): a `std::string_view`
/// into a text_store, a string the host keeps, or a literal, that cannot be
/// made from a `std::string` temporary, whose bytes are gone by the next
/// statement (`referral_record{"C" + std::to_string(i), ...}` does not compile;
/// keep such text in a store: `store->keep("C" + std::to_string(i))`).
/// Everything else is `std::string_view`'s: comparison, hashing (std::hash), output.
/// Source: docs/inputs.md ("Text without a string per record").
class text_view : public std::string_view {
 public:
  /// @brief Empty text.
  constexpr text_view() noexcept = default;
  /// @brief Views @p v (its bytes must outlive the record).
  /// @param v text kept elsewhere: a text_store, the host's strings, a literal.
  constexpr text_view(std::string_view v) noexcept : std::string_view(v) {}
  /// @brief Views the NUL-terminated @p s (a literal, say).
  /// @param s a NUL-terminated string that outlives the record.
  constexpr text_view(const char* s) noexcept : std::string_view(s) {}
  /// @brief Views @p s, a string the host keeps alive as long as the record.
  /// @param s a string that outlives the record.
  text_view(const std::string& s) noexcept : std::string_view(s) {}
  /// A temporary string would leave the view dangling: keep it in a text_store.
  text_view(std::string&&) = delete;
};

}  // namespace csc::io

namespace std {
/// @brief Hashes a csc::io::text_view as its `std::string_view`.
template <>
struct hash<csc::io::text_view> : hash<std::string_view> {};
}  // namespace std

#endif  // CSC_IO_TEXT_STORE_HPP
