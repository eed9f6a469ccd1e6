#pragma once

#include <QByteArrayView>
#include <QList>

#include <optional>

namespace Tenfold {

/// Where a big input keeps its actions, found by one quick pass over the text, so that the
/// actions can be parsed in chunks on all cores instead of as one document on one core.
///
/// The pass only finds boundaries: string and bracket structure, element separators, and the
/// keys that lead to the actions. It never decides whether the JSON is valid; Qt's parser still
/// reads every byte, chunk by chunk and for the rest of the document (see sessionfile.cpp).
struct ActionArrayLayout
{
    enum class Place
    {
        Root,             ///< a bare array of actions
        SessionActions,   ///< {"actions":[...]} (a Tenfold session)
        BatchBodyActions, ///< {"data":{"actions":[...]}} (an Asana batch body)
    };

    /// A run of whole elements: [begin, end) holds elements first .. first + count - 1 and the
    /// separators between them, never a separator at either edge.
    struct Chunk
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        int first = 0;
        int count = 0;
    };

    Place place = Place::Root;
    qsizetype open = 0;  ///< offset of the array's '['
    qsizetype close = 0; ///< offset of the matching ']'
    int count = 0;       ///< elements in the array
    QList<Chunk> chunks; ///< in order, each about chunkBytes long (the last may be shorter)
};

/// Finds the one array of actions in `json` and cuts its elements into chunks of about
/// `chunkBytes`. Answers nothing whenever the shape is not plainly one of the three inputs: no
/// such array, two candidates, a repeated or escaped key on the way, nesting deeper than the
/// scan follows, or text it cannot make sense of. The caller then parses the whole document,
/// which also produces the error a person should see.
std::optional<ActionArrayLayout> scanActionArray(QByteArrayView json, qsizetype chunkBytes);

} // namespace Tenfold
