/// @file
/// @brief `csc::io::xml_reader`: a streaming XML reader over expat (Debian
/// libexpat1-dev; link EXPAT::EXPAT, or use the CMake target
/// csc::cin_census). It hands each element's path, text and line to a
/// handler, so that a reader of a large return never holds the whole
/// document (docs/cin-census.md). The document's declared encoding is
/// honoured (UTF-8 when none is declared): UTF-8, UTF-16, ISO-8859-1 and
/// US-ASCII by expat itself, windows-1252 added here; the handler always
/// receives UTF-8.
#ifndef CSC_IO_XML_READER_HPP
#define CSC_IO_XML_READER_HPP

#include <csc/io/error.hpp>          // csc::io::parse_error
#include <csc/io/text_encoding.hpp>  // csc::io::detail::windows_1252_high

#include <expat.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace csc::io {

/// @brief Receives what xml_reader reads. `path` is the element names from
/// the root, joined by '/', e.g. "Message/Children/Child/CINdetails";
/// `parent` is the name of the enclosing element ("" for the root).
class xml_handler {
 public:
  virtual ~xml_handler() = default;
  /// @brief An element starts.
  /// @param path   the element's path from the root.
  /// @param parent the enclosing element's name ("" for the root).
  /// @param name   the element's name.
  /// @param line   the line of its start tag.
  /// @throws whatever the handler decides (xml_reader::read rethrows it).
  virtual void start(const std::string& path, std::string_view parent, std::string_view name, std::size_t line) = 0;
  /// @brief An element ends.
  /// @param path   the element's path from the root.
  /// @param parent the enclosing element's name ("" for the root).
  /// @param name   the element's name.
  /// @param text   its own character data with surrounding white space
  ///               removed ("" for an element with children only).
  /// @param line   the line of its end tag.
  /// @throws whatever the handler decides (xml_reader::read rethrows it).
  virtual void end(const std::string& path, std::string_view parent, std::string_view name, const std::string& text,
                   std::size_t line) = 0;
};

/// @brief Reads an XML document from a stream in chunks with expat.
///
/// Rules: the document must be well-formed XML (else parse_error naming the
/// source, line and expat's message); attributes are not used; character
/// data of an element that also has child elements is passed to `end` as
/// its text (the reader of the CIN census reports it as a finding).
///
/// Encoding (XML 1.0 section 4.3.3): the document is read in the encoding
/// its XML declaration names (`<?xml version="1.0" encoding="..."?>`), or
/// its byte-order mark; without either, UTF-8. Names are matched without
/// regard to case. Expat reads UTF-8, UTF-16, ISO-8859-1 and US-ASCII; this
/// reader adds windows-1252 (also named cp1252): bytes 0x80-0x9F are the
/// Windows-1252 characters (0x80 the euro sign U+20AC, 0x92 U+2019, ...), its
/// five undefined bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not well-formed,
/// and every other byte is the ISO-8859-1 character of that number. A byte
/// that is not valid in the declared encoding is a "not well-formed" error at
/// its line; any other declared encoding is an error naming it. Every name
/// and text handed to the handler is UTF-8.
class xml_reader {
 public:
  /// @brief Parses all of @p in, calling @p handler for each element.
  /// @param in      the document.
  /// @param source  names the input in errors.
  /// @param handler receives each element's start and end.
  /// @throws parse_error for a document that is not well-formed (including
  /// bytes not valid in its declared encoding) or declares an encoding other
  /// than those above, or rethrows what the handler threw (a parse_error from
  /// the handler keeps its line).
  static void read(std::istream& in, const std::string& source, xml_handler& handler) {
    // No encoding forced: the document's declaration (or byte-order mark) decides, UTF-8 by default.
    const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate(nullptr),
                                                                              &XML_ParserFree);
    if (!parser) throw parse_error(source, 0, "", "cannot create an XML parser");
    state st{parser.get(), &handler, {}, {}, {}, nullptr, {}};
    XML_SetUserData(parser.get(), &st);
    XML_SetElementHandler(parser.get(), &on_start, &on_end);
    XML_SetCharacterDataHandler(parser.get(), &on_text);
    XML_SetUnknownEncodingHandler(parser.get(), &on_unknown_encoding, &st);
    std::vector<char> buffer(1 << 16);
    for (;;) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const std::streamsize got = in.gcount();
      if (in.bad()) throw parse_error(source, 0, "", "read error");
      const bool last = got < static_cast<std::streamsize>(buffer.size());
      const XML_Status status = XML_Parse(parser.get(), buffer.data(), static_cast<int>(got), last);
      if (st.error) std::rethrow_exception(st.error);
      if (status != XML_STATUS_OK) {
        const std::size_t line = XML_GetCurrentLineNumber(parser.get());
        const XML_Error code = XML_GetErrorCode(parser.get());
        if (code == XML_ERROR_UNKNOWN_ENCODING && !st.unknown_encoding.empty())
          throw parse_error(source, line, st.path,
                            "encoding '" + st.unknown_encoding +
                                "' is not supported (UTF-8, UTF-16, ISO-8859-1, US-ASCII, windows-1252)");
        throw parse_error(source, line, st.path, std::string("not well-formed XML: ") + XML_ErrorString(code));
      }
      if (last) return;
    }
  }

 private:
  struct state {
    XML_Parser parser;
    xml_handler* handler;
    std::string path;
    std::vector<std::size_t> path_lengths;  // length of path before each open element
    std::vector<std::string> texts;         // character data of each open element
    std::exception_ptr error;
    std::string unknown_encoding;           // a declared encoding this reader does not read
  };

  // ASCII case-insensitive equality of an encoding name.
  static bool same_name(const char* a, const char* b) noexcept {
    for (; *a && *b; ++a, ++b) {
      const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
      if (lower(*a) != lower(*b)) return false;
    }
    return *a == *b;
  }

  // Expat asks for an encoding it does not know: windows-1252 is a byte map
  // (ISO-8859-1 with 0x80-0x9F from csc::io::detail::windows_1252_high, where
  // 0 marks an undefined byte, -1 to expat: not well-formed); anything else is refused.
  static int on_unknown_encoding(void* data, const XML_Char* name, XML_Encoding* info) {
    auto& st = *static_cast<state*>(data);
    if (!same_name(name, "windows-1252") && !same_name(name, "cp1252")) {
      st.unknown_encoding = name;
      return XML_STATUS_ERROR;
    }
    for (int b = 0; b < 256; ++b) info->map[b] = b;
    for (int b = 0x80; b <= 0x9F; ++b) {
      const std::uint16_t cp = detail::windows_1252_high[b - 0x80];
      info->map[b] = cp == 0 ? -1 : static_cast<int>(cp);
    }
    info->data = nullptr;
    info->convert = nullptr;  // one byte per character
    info->release = nullptr;
    return XML_STATUS_OK;
  }

  static std::size_t line_of(const state& st) { return XML_GetCurrentLineNumber(st.parser); }

  // The name of the element enclosing the innermost open one ("" at the root).
  static std::string_view parent_of(const state& st) {
    const std::size_t n = st.path_lengths.size();
    if (n < 2) return {};
    const std::size_t begin = n >= 3 ? st.path_lengths[n - 2] + 1 : 0;
    return std::string_view(st.path).substr(begin, st.path_lengths[n - 1] - begin);
  }

  static void on_start(void* data, const XML_Char* name, const XML_Char**) {
    auto& st = *static_cast<state*>(data);
    if (st.error) return;
    try {
      st.path_lengths.push_back(st.path.size());
      if (!st.path.empty()) st.path += '/';
      st.path += name;
      st.texts.emplace_back();
      st.handler->start(st.path, parent_of(st), name, line_of(st));
    } catch (...) {
      st.error = std::current_exception();
      XML_StopParser(st.parser, XML_FALSE);
    }
  }

  static void on_end(void* data, const XML_Char* name) {
    auto& st = *static_cast<state*>(data);
    if (st.error) return;
    try {
      std::string& text = st.texts.back();
      const auto first = text.find_first_not_of(" \t\r\n");
      if (first == std::string::npos) {
        text.clear();
      } else {
        text.erase(text.find_last_not_of(" \t\r\n") + 1);
        text.erase(0, first);
      }
      st.handler->end(st.path, parent_of(st), name, text, line_of(st));
      st.texts.pop_back();
      st.path.resize(st.path_lengths.back());
      st.path_lengths.pop_back();
    } catch (...) {
      st.error = std::current_exception();
      XML_StopParser(st.parser, XML_FALSE);
    }
  }

  static void on_text(void* data, const XML_Char* s, int len) {
    auto& st = *static_cast<state*>(data);
    if (!st.error && !st.texts.empty()) st.texts.back().append(s, static_cast<std::size_t>(len));
  }
};

}  // namespace csc::io

#endif  // CSC_IO_XML_READER_HPP
