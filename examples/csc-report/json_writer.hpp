// A minimal streaming JSON writer for csc-report's output.
#ifndef CSC_EXAMPLES_JSON_WRITER_HPP
#define CSC_EXAMPLES_JSON_WRITER_HPP

#include "shortest_double.hpp"

#include <charconv>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace csc_report {

class json_writer {
 public:
  explicit json_writer(std::ostream& os) : os_(os) {}

  json_writer& begin_object(std::string_view key = {}) { return open(key, '{'); }
  json_writer& end_object() { return close('}'); }
  json_writer& begin_array(std::string_view key = {}) { return open(key, '['); }
  json_writer& end_array() { return close(']'); }

  json_writer& value(std::string_view key, std::string_view s) {
    prefix(key);
    quoted(s);
    return *this;
  }
  json_writer& value(std::string_view key, const char* s) { return value(key, std::string_view(s)); }
  json_writer& value(std::string_view key, const std::string& s) { return value(key, std::string_view(s)); }
  json_writer& value(std::string_view key, std::size_t n) {
    prefix(key);
    os_ << n;
    return *this;
  }
  json_writer& value(std::string_view key, int n) {
    prefix(key);
    os_ << n;
    return *this;
  }
  json_writer& value(std::string_view key, bool b) {
    prefix(key);
    os_ << (b ? "true" : "false");
    return *this;
  }
  /// An unrounded number (shortest text that reads back to the same double), or null.
  json_writer& value(std::string_view key, std::optional<double> x) {
    prefix(key);
    if (!x) {
      os_ << "null";
    } else {
      char buf[32];
      const auto res = to_chars_shortest(buf, buf + sizeof buf, *x);  // std::to_chars, or exact fallback
      os_ << std::string_view(buf, static_cast<std::size_t>(res.ptr - buf));
    }
    return *this;
  }
  json_writer& null(std::string_view key) {
    prefix(key);
    os_ << "null";
    return *this;
  }

 private:
  json_writer& open(std::string_view key, char c) {
    prefix(key);
    os_ << c;
    first_.push_back(true);
    return *this;
  }
  json_writer& close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    os_ << c;
    if (first_.empty()) os_ << '\n';
    return *this;
  }
  void prefix(std::string_view key) {
    if (!first_.empty()) {
      if (!first_.back()) os_ << ',';
      first_.back() = false;
      newline();
    }
    if (!key.empty()) {
      quoted(key);
      os_ << ": ";
    }
  }
  void newline() {
    os_ << '\n';
    for (std::size_t i = 0; i < first_.size(); ++i) os_ << "  ";
  }
  void quoted(std::string_view s) {
    os_ << '"';
    for (const char ch : s) {
      switch (ch) {
        case '"': os_ << "\\\""; break;
        case '\\': os_ << "\\\\"; break;
        case '\n': os_ << "\\n"; break;
        case '\r': os_ << "\\r"; break;
        case '\t': os_ << "\\t"; break;
        default:
          if (static_cast<unsigned char>(ch) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(ch)));
            os_ << buf;
          } else {
            os_ << ch;
          }
      }
    }
    os_ << '"';
  }

  std::ostream& os_;
  std::vector<bool> first_;
};

}  // namespace csc_report

#endif
