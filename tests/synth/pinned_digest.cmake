# csc-synth writes the same bytes for the same seed and options on every
# platform (docs/csc-synth.md): the SHA-256 of each file written for a fixed
# seed and size is pinned here. A change that alters csc-synth's output on
# purpose must re-pin these digests (the run prints the new ones) and say so.
#
# Usage: cmake -DSYNTH=<csc-synth command> -DWORK=<dir> -P pinned_digest.cmake
# SYNTH is a list, so a WebAssembly build runs too: -DSYNTH="node;csc-synth.js".
cmake_minimum_required(VERSION 3.20)
if(NOT SYNTH OR NOT WORK)
  message(FATAL_ERROR "usage: cmake -DSYNTH=<csc-synth command> -DWORK=<dir> -P pinned_digest.cmake")
endif()

set(args --children 2000 --first-year 2019 --years 3 --seed 19 --faults 0.05 --csv)
list(JOIN args " " shown)
set(expected
  cin_census_2020.xml=c0569fa57a9ef8e0623e1f024b0202b62304c6d5b0633c2f90468c37ff0703ad
  cin_census_2021.xml=b3068a500d00214629da650008a73677ab63bb1105a8be42efae1196bbcc0cb2
  cin_census_2022.xml=9f5d7a4bf994f6bbacbe93d5ebdaceabb83208369b31b75ef18bfdbdc132f735
  cin_plans.csv=01539dc38d2243c327c9b7b68b7a9c1793c58449ed60031888b032d039385799
  cp_plans.csv=8a4e967749e205c5bbb81237fcfb4f1167133e7af36cc95ee009609d78e29f01
  early_help.csv=84efa46599f13763e616c30dc68c118d1b52d83a48ab3eb0983b62cfb114e502
  referrals.csv=04097a9e50f414af4e3aed241f3522194a1b0434ac865105aae43ed38609d469
  truth.json=2ef74385db5b34a8ac885eb9194b587cb8b05c7cb213e1e6cec3644d03549f41)

file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${SYNTH} ${args} --out ${WORK} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "csc-synth ${shown} failed (${rc}): ${err}")
endif()

file(GLOB written RELATIVE ${WORK} ${WORK}/*)
list(SORT written)
set(problems "")
set(got "")
foreach(name IN LISTS written)
  file(SHA256 ${WORK}/${name} digest)
  string(APPEND got "  ${name}=${digest}\n")
  list(FIND expected "${name}=${digest}" at)
  if(at EQUAL -1)
    string(APPEND problems "  ${name}: SHA-256 ${digest} is not the pinned one\n")
  endif()
endforeach()
foreach(entry IN LISTS expected)
  string(REGEX REPLACE "=.*" "" name "${entry}")
  if(NOT name IN_LIST written)
    string(APPEND problems "  ${name}: not written\n")
  endif()
endforeach()
list(LENGTH written n_written)
list(LENGTH expected n_expected)
if(NOT n_written EQUAL n_expected)
  string(APPEND problems "  ${n_written} files written, ${n_expected} pinned\n")
endif()
if(problems)
  message(FATAL_ERROR "csc-synth ${shown}: output differs from the pinned digests\n${problems}written:\n${got}")
endif()
message(STATUS "csc-synth ${shown}: ${n_written} files, each with its pinned SHA-256")
