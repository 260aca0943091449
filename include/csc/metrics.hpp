/// @file
/// @brief Umbrella header: every public csc-metrics header.
#ifndef CSC_METRICS_HPP
#define CSC_METRICS_HPP

#include <csc/calendar/add_months.hpp>
#include <csc/calendar/age.hpp>
#include <csc/calendar/civil_date.hpp>
#include <csc/calendar/date_traits.hpp>
#include <csc/calendar/periods.hpp>
#include <csc/calendar/series.hpp>
#include <csc/calendar/window.hpp>
#include <csc/classification.hpp>
#include <csc/episode/interval.hpp>
#include <csc/episode/service_level.hpp>
#include <csc/episode/timeline.hpp>
#include <csc/finding.hpp>
#include <csc/input_order.hpp>
#include <csc/measure/cp_plan_bands.hpp>
#include <csc/measure/cp_plans.hpp>
#include <csc/measure/rereferrals.hpp>
#include <csc/measure/stepdown.hpp>
#include <csc/report/breakdown.hpp>
#include <csc/report/distinct_count.hpp>
#include <csc/report/percent.hpp>
#include <csc/report/quartiles.hpp>
#include <csc/report/rate.hpp>
#include <csc/version.hpp>

#endif  // CSC_METRICS_HPP
