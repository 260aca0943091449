#include <csc/measure/measure.hpp>
