# The History dock: recorded runs (query model fetched on demand), compare view, recording.
target_sources(tenfold_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/historyrunsmodel.h ${CMAKE_CURRENT_LIST_DIR}/historyrunsmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/comparemodel.h ${CMAKE_CURRENT_LIST_DIR}/comparemodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/comparedialog.h ${CMAKE_CURRENT_LIST_DIR}/comparedialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/historypanel.h ${CMAKE_CURRENT_LIST_DIR}/historypanel.cpp
)
