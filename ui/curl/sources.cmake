# The curl export dialog and pasting curl commands (core/curl does the work).
target_sources(tenfold_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/curlexportdialog.h ${CMAKE_CURRENT_LIST_DIR}/curlexportdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/curlpaste.h ${CMAKE_CURRENT_LIST_DIR}/curlpaste.cpp)
