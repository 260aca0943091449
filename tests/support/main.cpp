// The one Boost.Test module of the unit tests (linked against the compiled
// Boost.Test library; see the style notes on compile times).
#define BOOST_TEST_MODULE csc_metrics_tests
#include <boost/test/unit_test.hpp>
