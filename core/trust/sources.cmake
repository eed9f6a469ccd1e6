# Where the token may go: the rule every path that attaches it asks first.
target_sources(tenfold_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tokenhost.h ${CMAKE_CURRENT_LIST_DIR}/tokenhost.cpp
)
