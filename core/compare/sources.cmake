# Comparing two runs (results files) action by action, and the JSON diff under it.
target_sources(tenfold_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/resultscompare.h ${CMAKE_CURRENT_LIST_DIR}/resultscompare.cpp
)
