/// @file
/// @brief Umbrella header: every public csc-metrics header that needs no
/// library beyond Boost (the CIN census reader and checks need expat:
/// csc/io/cin_census.hpp, csc/checks/cin_census_checks.hpp).
#ifndef CSC_METRICS_HPP
#define CSC_METRICS_HPP

#include <csc/calendar/add_months.hpp>
#include <csc/calendar/age.hpp>
#include <csc/calendar/periods.hpp>
#include <csc/calendar/series.hpp>
#include <csc/calendar/window.hpp>
#include <csc/checks/plan_checks.hpp>
#include <csc/core/civil_date.hpp>
#include <csc/core/classification.hpp>
#include <csc/core/count_text.hpp>
#include <csc/core/date_traits.hpp>
#include <csc/core/day.hpp>
#include <csc/core/extract_date.hpp>
#include <csc/core/finding.hpp>
#include <csc/core/input_order.hpp>
#include <csc/core/interval.hpp>
#include <csc/core/percent.hpp>
#include <csc/episode/service_level.hpp>
#include <csc/episode/timeline.hpp>
#include <csc/measure/accumulator.hpp>
#include <csc/measure/breakdown.hpp>
#include <csc/measure/cp_plan_bands.hpp>
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/distinct_count.hpp>
#include <csc/measure/measure.hpp>
#include <csc/measure/quartiles.hpp>
#include <csc/measure/rereferrals.hpp>
#include <csc/measure/stepdown.hpp>
#include <csc/report/percent.hpp>
#include <csc/report/rate.hpp>
#include <csc/version.hpp>

#endif  // CSC_METRICS_HPP
