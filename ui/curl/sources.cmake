# The curl export dialog (core/curl does the work).
target_sources(tenfold_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/curlexportdialog.h ${CMAKE_CURRENT_LIST_DIR}/curlexportdialog.cpp)
