// The command line of the example tools (csc-report, csc-synth), parsed with
// CLI11: values converted by the tools' own functions, and CLI11's errors in
// the tools' words (a repeated option, a missing value, options that exclude
// each other, an unknown option with the nearest name). A usage error exits
// with status 2.
#ifndef CSC_EXAMPLES_CLI_HPP
#define CSC_EXAMPLES_CLI_HPP

#include <csc/version.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace csc_cli {

struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// "csc-report (csc-metrics) 0.1.0", for --version.
inline std::string version(const std::string& tool) {
  return tool + " (csc-metrics) " + std::to_string(CSC_METRICS_VERSION_MAJOR) + "." +
         std::to_string(CSC_METRICS_VERSION_MINOR) + "." + std::to_string(CSC_METRICS_VERSION_PATCH);
}

// A whole number >= 0 that fits T, written as digits only (no sign or spaces);
// std::invalid_argument otherwise.
template <class T = int>
T whole_number(const std::string& text) {
  std::size_t used = 0;
  unsigned long long n = 0;
  try {
    if (!text.empty() && text[0] >= '0' && text[0] <= '9') n = std::stoull(text, &used);
  } catch (const std::exception&) {
  }
  if (used == 0 || used != text.size() || n > static_cast<unsigned long long>(std::numeric_limits<T>::max()))
    throw std::invalid_argument("'" + text + "' is not a whole number >= 0");
  return static_cast<T>(n);
}

// Adds option @p name whose text @p set converts; its std::invalid_argument is a usage error naming the option.
template <class Set>
CLI::Option* add(CLI::App& app, const std::string& name, const std::string& type, const std::string& help, Set set) {
  const auto convert = [name, set](const std::string& v) {
    try {
      set(v);
    } catch (const std::invalid_argument& e) {
      throw usage_error(name + ": " + e.what());
    }
  };
  return app.add_option_function<std::string>(name, convert, help)->type_name(type);
}

// Levenshtein distance, for suggesting the option a mistyped one was meant to be.
inline std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0]++;
    for (std::size_t j = 1; j <= b.size(); ++j)
      diagonal = std::exchange(row[j], std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])}));
  }
  return row[b.size()];
}

// CLI11's parse error @p e in the tools' words; the suggestion for an unknown
// option is the nearest name within a third of its length.
inline std::string explain(const CLI::App& app, const CLI::ParseError& e, const std::vector<std::string>& args) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->count() > 1 && opt->get_expected_max() == 1 &&
        opt->get_multi_option_policy() == CLI::MultiOptionPolicy::Throw) {
      std::string values;
      for (const std::string& v : opt->results()) values += (values.empty() ? "'" : ", '") + v + "'";
      return opt->get_name() + " given " + std::to_string(opt->count()) + " times (" + values + "): give it once";
    }
    if (opt->count() == 0 && opt->get_expected_min() > 0 &&
        std::find(args.begin(), args.end(), opt->get_name()) != args.end())
      return opt->get_name() + " needs a value (" + opt->get_type_name() + ")";
    for (const CLI::Option* other : opt->get_excludes())
      if (opt->count() > 0 && other->count() > 0)
        return "give either " + opt->get_name() + " or " + other->get_name() + ", not both";
  }
  if (!dynamic_cast<const CLI::ExtrasError*>(&e)) return e.what();
  const std::vector<std::string> rest = app.remaining();
  const auto arg = std::find_if(rest.begin(), rest.end(), [](const std::string& a) { return a.rfind('-', 0) == 0; });
  if (arg == rest.end()) return "unexpected argument '" + rest.front() + "' (one value per option)";
  const std::string name = arg->substr(0, arg->find('='));
  std::string nearest;
  std::size_t best = name.size() / 3 + 1;
  for (const CLI::Option* opt : app.get_options())
    for (const std::string& n : opt->get_lnames())
      if (const std::size_t d = edit_distance(name, "--" + n); d < best) {
        best = d;
        nearest = "--" + n;
      }
  return "unknown option '" + name + "'" + (nearest.empty() ? "" : ": did you mean " + nearest + "?");
}

// Parses the command line into the options bound to @p app (with -h,--help and
// --version added). Returns the text to print instead of running for --help or
// --version; throws usage_error for anything CLI11 refuses.
inline std::optional<std::string> parse(CLI::App& app, const std::string& tool, int argc, char** argv) {
  app.set_help_flag("-h,--help", "print this help and exit");
  app.set_version_flag("--version", version(tool), "print the csc-metrics version and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return app.help();
  } catch (const CLI::CallForVersion& v) {
    return v.what() + std::string("\n");
  } catch (const CLI::ParseError& e) {
    throw usage_error(explain(app, e, std::vector<std::string>(argv + 1, argv + argc)));
  }
  return std::nullopt;
}

}  // namespace csc_cli

#endif
