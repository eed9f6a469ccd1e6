# curl export and import (docs/ARCHITECTURE.md, "core/curl").
target_sources(tenfold_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/shellquote.h ${CMAKE_CURRENT_LIST_DIR}/shellquote.cpp
    ${CMAKE_CURRENT_LIST_DIR}/shellwords.h ${CMAKE_CURRENT_LIST_DIR}/shellwords.cpp
    ${CMAKE_CURRENT_LIST_DIR}/curlexport.h ${CMAKE_CURRENT_LIST_DIR}/curlexport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/curlimport.h ${CMAKE_CURRENT_LIST_DIR}/curlimport.cpp
)
