// csc-report --threads N: independent steps (reading the referrals beside the
// other extracts; classifying referrals beside CP plans and step-down) run on
// two threads when N >= 2 and the build has threads. The results are the same
// as one after the other: every step writes only its own result, and an
// exception is rethrown in the order the steps would have run in sequence.
// An Emscripten build without pthreads (CSC_REPORT_NO_THREADS defined, or
// __EMSCRIPTEN__ without __EMSCRIPTEN_PTHREADS__) runs them one after the other.
#ifndef CSC_EXAMPLES_CONCURRENCY_HPP
#define CSC_EXAMPLES_CONCURRENCY_HPP

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <vector>

#if !defined(CSC_REPORT_NO_THREADS) && defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
#define CSC_REPORT_NO_THREADS 1
#endif
#ifndef CSC_REPORT_NO_THREADS
#include <thread>
#endif

namespace csc_report {

// Whether this build can run steps on more than one thread.
constexpr bool threads_available() noexcept {
#ifdef CSC_REPORT_NO_THREADS
  return false;
#else
  return true;
#endif
}

// Runs @p first and @p second, on two threads if @p threads >= 2 (and the
// build has threads), else @p first then @p second. Either way both run to
// the end unless the sequential @p first throws; the exception of @p first,
// else of @p second, is rethrown (so errors come in the sequential order).
template <class First, class Second>
void run_both(unsigned threads, First&& first, Second&& second) {
#ifndef CSC_REPORT_NO_THREADS
  if (threads >= 2) {
    std::exception_ptr second_error;
    std::thread t([&] {
      try {
        second();
      } catch (...) {
        second_error = std::current_exception();
      }
    });
    std::exception_ptr first_error;
    try {
      first();
    } catch (...) {
      first_error = std::current_exception();
    }
    t.join();
    if (first_error) std::rethrow_exception(first_error);
    if (second_error) std::rethrow_exception(second_error);
    return;
  }
#else
  (void)threads;
#endif
  first();
  second();
}

// A task runner for the library's readers in parts (csc::io::one_after_another
// describes the shape): runs the tasks on up to @p threads threads (the calling
// one included), each thread taking the next task not yet taken; one after the
// other when threads < 2 or the build has no threads. Tasks never throw.
struct task_runner {
  unsigned threads = 1;
  void operator()(std::vector<std::function<void()>>& tasks) const {
#ifndef CSC_REPORT_NO_THREADS
    if (threads >= 2 && tasks.size() >= 2) {
      std::atomic<std::size_t> next{0};
      const auto work = [&] {
        for (std::size_t k = next++; k < tasks.size(); k = next++) tasks[k]();
      };
      std::vector<std::thread> helpers;
      for (unsigned t = 1; t < threads && t < tasks.size(); ++t) helpers.emplace_back(work);
      work();
      for (std::thread& h : helpers) h.join();
      return;
    }
#endif
    for (auto& task : tasks) task();
  }
};

}  // namespace csc_report

#endif  // CSC_EXAMPLES_CONCURRENCY_HPP
