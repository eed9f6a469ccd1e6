#include "actiontablemodel.h"

#include "commands/actioncommands.h"
#include "session/sessionfile.h"
#include "validation/validationcache.h"
#include "wire/batchbody.h"

#include <QApplication>
#include <QBuffer>
#include <QDataStream>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QPalette>
#include <QStyle>
#include <QUndoStack>

#include <algorithm>

namespace Tenfold {

namespace {

constexpr int MaxCellChars = 240; // a cell shows one line; the tooltip and detail show the rest

QList<int> sortedUnique(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

/// The session file's member a column stands for (what Action::unread may hold for it).
QString memberName(int column)
{
    switch (column) {
    case ActionTableModel::EnabledColumn:
        return QStringLiteral("enabled");
    case ActionTableModel::MethodColumn:
        return QStringLiteral("method");
    case ActionTableModel::PathColumn:
        return QStringLiteral("relative_path");
    case ActionTableModel::DataColumn:
        return QStringLiteral("data");
    case ActionTableModel::OptionsColumn:
        return QStringLiteral("options");
    case ActionTableModel::NoteColumn:
        return QStringLiteral("note");
    }
    return {};
}

bool isJsonColumn(int column)
{
    return column == ActionTableModel::DataColumn || column == ActionTableModel::OptionsColumn;
}

const QColor DraftColor(0xd0, 0x31, 0x2d);

} // namespace

QString compactJson(const QJsonValue &value)
{
    if (value.isUndefined())
        return {};
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

namespace {

/// Qt's parse messages name the parser's state ("unterminated object"); people need the fix.
QString friendlyParseError(QJsonParseError::ParseError error, bool atEnd)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("Tenfold::Json", text); };
    switch (error) {
    case QJsonParseError::UnterminatedObject:
        return atEnd ? tr("the object is not closed: add '}'")
                     : tr("expected ',' before the next member, or '}' to close the object");
    case QJsonParseError::UnterminatedArray:
        return atEnd ? tr("the array is not closed: add ']'")
                     : tr("expected ',' before the next value, or ']' to close the array");
    case QJsonParseError::MissingNameSeparator:
        return tr("expected ':' after the member name");
    case QJsonParseError::MissingValueSeparator:
        return tr("expected ',' between the values");
    case QJsonParseError::UnterminatedString:
        return tr("the string is not closed: add '\"'");
    case QJsonParseError::IllegalValue:
        return tr("not a JSON value: strings need double quotes; use true, false or null");
    case QJsonParseError::IllegalNumber:
    case QJsonParseError::TerminationByNumber:
        return tr("not a valid number");
    case QJsonParseError::GarbageAtEnd:
        return tr("unexpected text after the value");
    case QJsonParseError::DeepNesting:
        return tr("nested too deeply");
    default:
        break;
    }
    QJsonParseError described;
    described.error = error;
    return described.errorString();
}

} // namespace

QJsonValue parseJsonValue(const QString &text, bool *ok, QString *error, int *line, int *column)
{
    *ok = true;
    if (text.trimmed().isEmpty())
        return QJsonValue::Undefined;
    // QJsonDocument only takes objects and arrays; wrapping in [] lets any value through while
    // keeping line numbers (the bracket adds no newline) and shifting columns of line 1 by one.
    const QByteArray utf8 = text.toUtf8();
    const QByteArray wrapped = '[' + utf8 + ']';
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &parseError);
    QString message;
    qsizetype offset = 0;
    if (parseError.error != QJsonParseError::NoError) {
        message = friendlyParseError(parseError.error, parseError.offset >= wrapped.size() - 1);
        offset = std::clamp<qsizetype>(parseError.offset - 1, 0, utf8.size());
        // For a missing separator Qt points just past the next token's first character; people
        // look for the token itself.
        const bool separator = parseError.error == QJsonParseError::UnterminatedObject ||
                               parseError.error == QJsonParseError::UnterminatedArray ||
                               parseError.error == QJsonParseError::MissingValueSeparator ||
                               parseError.error == QJsonParseError::MissingNameSeparator;
        if (separator && offset > 0 && offset <= utf8.size() &&
            !QChar::isSpace(uchar(utf8.at(offset - 1))))
            --offset;
    } else if (document.array().size() != 1) {
        message = QCoreApplication::translate("Tenfold::Json", "expected a single JSON value");
        offset = utf8.indexOf(',');
        if (offset < 0)
            offset = 0;
    } else {
        return document.array().at(0);
    }
    *ok = false;
    int l = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (utf8.at(i) == '\n') {
            ++l;
            lineStart = i + 1;
        }
    }
    const int c =
        int(QString::fromUtf8(utf8.constData() + lineStart, offset - lineStart).size()) + 1;
    if (line)
        *line = l;
    if (column)
        *column = c;
    if (error)
        *error = QCoreApplication::translate("Tenfold::Json", "line %1, column %2: %3")
                     .arg(l)
                     .arg(c)
                     .arg(message);
    return QJsonValue::Undefined;
}

ActionTableModel::ActionTableModel(QUndoStack *undoStack, QObject *parent)
    : QAbstractTableModel(parent)
    , m_undoStack(undoStack)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &ActionTableModel::invalidateBatches);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ActionTableModel::invalidateBatches);
    connect(this, &QAbstractItemModel::modelReset, this, &ActionTableModel::invalidateBatches);
}

void ActionTableModel::setValidation(const ValidationCache *validation)
{
    m_validation = validation;
    connect(validation, &ValidationCache::rowsValidated, this, &ActionTableModel::onRowsValidated);
}

void ActionTableModel::onRowsValidated(int first, int last)
{
    if (first > last || m_actions.isEmpty())
        return;
    last = std::min<int>(last, int(m_actions.size()) - 1);
    emit dataChanged(index(first, NumberColumn), index(last, NumberColumn),
                     {Qt::DecorationRole, Qt::ToolTipRole});
}

int ActionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_actions.size());
}

int ActionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void ActionTableModel::invalidateBatches()
{
    m_batchesDirty = true;
}

void ActionTableModel::ensureBatches() const
{
    if (!m_batchesDirty)
        return;
    m_ordinals.resize(size_t(m_actions.size()));
    int ordinal = 0;
    for (qsizetype i = 0; i < m_actions.size(); ++i)
        m_ordinals[size_t(i)] = m_actions.at(i).enabled ? ordinal++ : -1;
    m_batchesDirty = false;
}

QVariant ActionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_actions.size())
        return {};
    const Action &action = m_actions.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NumberColumn:
            // NumberDelegate paints the row number: as data it would change under rows that
            // stay put, which views and proxies cannot be told about cheaply.
            return {};
        case MethodColumn:
            return action.method.toUpper();
        case PathColumn:
            return action.relativePath;
        case DataColumn:
        case OptionsColumn: {
            QString text = compactJson(column == DataColumn ? action.data : action.options);
            if (const std::optional<QString> typed = draft(index.row(), column))
                text = typed->simplified(); // the screen shows what was typed, in red
            if (text.size() > MaxCellChars)
                text = text.left(MaxCellChars) + QChar(0x2026);
            return text;
        }
        case NoteColumn:
            return action.note;
        }
        return {};
    case Qt::EditRole:
        if (column == EnabledColumn)
            return action.enabled;
        if (column == DataColumn || column == OptionsColumn) {
            if (const std::optional<QString> typed = draft(index.row(), column))
                return *typed;
            return compactJson(column == DataColumn ? action.data : action.options);
        }
        if (column == MethodColumn)
            return action.method.toUpper();
        return data(index, Qt::DisplayRole);
    case Qt::CheckStateRole:
        if (column == EnabledColumn) {
            // The file's flag could not be read ("false" as a string): neither on nor off.
            if (holdsUnread(index.row(), EnabledColumn))
                return Qt::PartiallyChecked;
            return action.enabled ? Qt::Checked : Qt::Unchecked;
        }
        return {};
    case Qt::DecorationRole:
        // Disabled rows are not validated, but what could not be read or parsed still shows.
        if (column == NumberColumn && m_validation) {
            switch (m_validation->worstSeverity(index.row())) {
            case ValidationCache::WorstError:
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
            case ValidationCache::WorstWarning:
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            default:
                break;
            }
        }
        return {};
    case Qt::ToolTipRole:
        if (column == NumberColumn) {
            QStringList lines;
            const int batch = data(index, BatchNumberRole).toInt();
            lines.append(
                batch > 0
                    ? tr("Action %1, sent in batch %2").arg(index.row() + 1).arg(batch)
                    : tr("Action %1 is disabled: it is kept but never sent").arg(index.row() + 1));
            if (m_validation) {
                const QList<Diagnostic> diagnostics = m_validation->diagnostics(index.row());
                for (const Diagnostic &d : diagnostics) {
                    lines.append(
                        QStringLiteral("%1: %2%3")
                            .arg(severityName(d.severity),
                                 d.field.isEmpty() ? QString() : d.field + QStringLiteral(": "),
                                 d.messageFor(FrontEnd::Window).toHtmlEscaped()));
                }
            }
            return lines.join(QStringLiteral("<br>"));
        }
        if (column == DataColumn || column == OptionsColumn) {
            if (const std::optional<QString> typed = draft(index.row(), column)) {
                bool ok = false;
                QString error;
                parseJsonValue(*typed, &ok, &error);
                return tr("Not valid JSON yet (%1); until it is, the action keeps its previous "
                          "value and is not sent")
                    .arg(error);
            }
            const QJsonValue &value = column == DataColumn ? action.data : action.options;
            if (value.isObject())
                return QString::fromUtf8(QJsonDocument(value.toObject()).toJson());
            return compactJson(value);
        }
        if (column == PathColumn || column == NoteColumn)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::ForegroundRole:
        if (isJsonColumn(column) && draft(index.row(), column))
            return QBrush(DraftColor);
        if (!action.enabled)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (column == NumberColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case BatchStartRole: {
        ensureBatches();
        const int ordinal = m_ordinals[size_t(index.row())];
        if (ordinal > 0 && ordinal % MaxActionsPerBatch == 0)
            return ordinal / MaxActionsPerBatch + 1;
        return 0;
    }
    case BatchNumberRole: {
        ensureBatches();
        const int ordinal = m_ordinals[size_t(index.row())];
        return ordinal < 0 ? 0 : ordinal / MaxActionsPerBatch + 1;
    }
    }
    return {};
}

QVariant ActionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NumberColumn:
            return tr("#");
        case EnabledColumn:
            return tr("On");
        case MethodColumn:
            return tr("Method");
        case PathColumn:
            return tr("Relative path");
        case DataColumn:
            return tr("Data");
        case OptionsColumn:
            return tr("Options");
        case NoteColumn:
            return tr("Note");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case NumberColumn:
            return tr("Position in the session; the icon shows problems found");
        case EnabledColumn:
            return tr("Disabled actions stay in the session but are never sent");
        case PathColumn:
            return tr("Relative to /api/1.0, e.g. /tasks/{{task}}; type to complete from "
                      "Asana's catalog");
        case DataColumn:
            return tr("Parameters or body fields, as a JSON object");
        case OptionsColumn:
            return tr("fields, limit, offset, as a JSON object");
        case NoteColumn:
            return tr("Your own words; never sent");
        }
    }
    return {};
}

Qt::ItemFlags ActionTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (index.column() == EnabledColumn)
        flags |= Qt::ItemIsUserCheckable;
    else if (index.column() != NumberColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ActionTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid())
        return false;
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn)
        return editField(index.row(), EnabledColumn, value.value<Qt::CheckState>() == Qt::Checked);
    if (role != Qt::EditRole)
        return false;
    if (index.column() == DataColumn || index.column() == OptionsColumn) {
        bool ok = false;
        const QString text = value.toString();
        const QJsonValue json = parseJsonValue(text, &ok);
        // Text that does not parse is kept as the cell's draft, not dropped.
        return editField(index.row(), index.column(),
                         ok ? QVariant::fromValue(json) : QVariant(text));
    }
    return editField(index.row(), index.column(), value);
}

QVariant ActionTableModel::fieldValue(int row, int column) const
{
    const Action &action = m_actions.at(row);
    switch (column) {
    case EnabledColumn:
        return action.enabled;
    case MethodColumn:
        return action.method;
    case PathColumn:
        return action.relativePath;
    case DataColumn:
    case OptionsColumn:
        if (const std::optional<QString> typed = draft(row, column))
            return *typed;
        return QVariant::fromValue(column == DataColumn ? action.data : action.options);
    case NoteColumn:
        return action.note;
    }
    return {};
}

std::optional<QString> ActionTableModel::draft(int row, int column) const
{
    const auto found = m_drafts.find(row);
    if (found == m_drafts.end())
        return std::nullopt;
    if (column == DataColumn)
        return found->second.data;
    if (column == OptionsColumn)
        return found->second.options;
    return std::nullopt;
}

bool ActionTableModel::holdsUnread(int row, int column) const
{
    const QJsonValue &unread = m_actions.at(row).unread;
    if (unread.isUndefined())
        return false;
    if (!unread.isObject())
        return true;
    const QString member = memberName(column);
    const QJsonObject object = unread.toObject();
    return object.contains(member) || object.contains(QChar(0xFEFF) + member);
}

QList<int> ActionTableModel::draftRows() const
{
    QList<int> rows;
    for (const auto &entry : m_drafts)
        rows.append(entry.first);
    return rows;
}

QList<Diagnostic> ActionTableModel::inputDiagnostics(int row) const
{
    QList<Diagnostic> out = readDiagnostics(m_actions.at(row), row);
    for (int column : {int(DataColumn), int(OptionsColumn)}) {
        const std::optional<QString> typed = draft(row, column);
        if (!typed)
            continue;
        bool ok = false;
        QString error;
        parseJsonValue(*typed, &ok, &error);
        const QString field = memberName(column);
        out.append(Diagnostic{
            Severity::Error, row, field, field + QStringLiteral(".invalid-json"),
            tr("not valid JSON yet (%1); until it is fixed or undone, the action is not sent and "
               "saving keeps its previous %2")
                .arg(error, field)});
    }
    return out;
}

bool ActionTableModel::isHeldBack(int row) const
{
    if (m_drafts.count(row) > 0)
        return true;
    const Action &action = m_actions.at(row);
    return !action.unread.isUndefined() && hasErrors(readDiagnostics(action, row));
}

bool ActionTableModel::editField(int row, int column, const QVariant &value, bool typing)
{
    if (row < 0 || row >= m_actions.size() || column <= NumberColumn || column >= ColumnCount)
        return false;
    QVariant normalized = value;
    if (column == MethodColumn)
        normalized = value.toString().trimmed().toLower();
    // The same value still replaces what the file held for the field: setting it is the answer.
    if (fieldValue(row, column) == normalized && !holdsUnread(row, column))
        return true;
    m_undoStack->push(new ChangeActionField(this, row, column, normalized, typing));
    return true;
}

void ActionTableModel::editEndpoint(int row, const QString &method, const QString &path)
{
    if (fieldValue(row, MethodColumn).toString() == method.toLower()) {
        editField(row, PathColumn, path);
        return;
    }
    m_undoStack->beginMacro(tr("Choose endpoint"));
    editField(row, MethodColumn, method);
    editField(row, PathColumn, path);
    m_undoStack->endMacro();
}

void ActionTableModel::applyField(int row, int column, const QVariant &value,
                                  const QJsonValue *unread)
{
    m_draftStash.clear(); // only a move or an undone removal, right after it, brings one back
    Action &action = m_actions[row];
    if (unread)
        action.unread = *unread;
    else
        forgetUnread(action, memberName(column));
    if (isJsonColumn(column)) {
        // A QString is a draft (text that does not parse); a QJsonValue is the value itself.
        const bool isDraft = value.metaType() == QMetaType::fromType<QString>();
        if (isDraft) {
            Drafts &drafts = m_drafts[row];
            (column == DataColumn ? drafts.data : drafts.options) = value.toString();
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            emit actionsChanged();
            return;
        }
        if (const auto found = m_drafts.find(row); found != m_drafts.end()) {
            (column == DataColumn ? found->second.data : found->second.options).reset();
            if (found->second.isEmpty())
                m_drafts.erase(found);
        }
    }
    switch (column) {
    case EnabledColumn:
        action.enabled = value.toBool();
        m_batchesDirty = true;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        // Every later row may now fall in another batch: only their batch marks change.
        if (row + 1 < m_actions.size())
            emit dataChanged(index(row + 1, 0), index(int(m_actions.size()) - 1, ColumnCount - 1),
                             {BatchStartRole, BatchNumberRole});
        emit actionsChanged();
        return;
    case MethodColumn:
        action.method = value.toString();
        break;
    case PathColumn:
        action.relativePath = value.toString();
        break;
    case DataColumn:
        action.data = value.value<QJsonValue>();
        break;
    case OptionsColumn:
        action.options = value.value<QJsonValue>();
        break;
    case NoteColumn:
        action.note = value.toString();
        break;
    }
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit actionsChanged();
}

void ActionTableModel::applyInsert(const QList<int> &positions, const QList<Action> &actions)
{
    // positions are ascending final indexes; contiguous runs go in with one notification.
    qsizetype i = 0;
    while (i < positions.size()) {
        qsizetype end = i + 1;
        while (end < positions.size() && positions.at(end) == positions.at(end - 1) + 1)
            ++end;
        const int first = positions.at(i);
        const int count = int(end - i);
        if (!m_drafts.empty()) {
            std::map<int, Drafts> shifted;
            for (auto &[row, drafts] : m_drafts)
                shifted.emplace(row >= first ? row + count : row, std::move(drafts));
            m_drafts = std::move(shifted);
        }
        beginInsertRows({}, first, first + count - 1);
        m_actions.insert(first, count, Action{});
        std::copy(actions.begin() + i, actions.begin() + end, m_actions.begin() + first);
        for (int row = first; row < first + count && !m_draftStash.isEmpty(); ++row) {
            for (qsizetype s = 0; s < m_draftStash.size(); ++s) {
                if (m_draftStash.at(s).first == m_actions.at(row)) {
                    m_drafts[row] = m_draftStash.takeAt(s).second;
                    break;
                }
            }
        }
        endInsertRows();
        i = end;
    }
    m_draftStash.clear();
    emit actionsChanged();
    emit rowsPlaced(positions);
}

QList<Action> ActionTableModel::applyRemove(const QList<int> &sortedRows)
{
    QList<Action> removed;
    removed.reserve(sortedRows.size());
    for (int row : sortedRows)
        removed.append(m_actions.at(row));
    // Remove contiguous runs from the bottom so earlier indexes stay valid.
    qsizetype end = sortedRows.size();
    while (end > 0) {
        qsizetype start = end - 1;
        while (start > 0 && sortedRows.at(start - 1) == sortedRows.at(start) - 1)
            --start;
        const int first = sortedRows.at(start);
        const int last = sortedRows.at(end - 1);
        if (!m_drafts.empty()) {
            std::map<int, Drafts> shifted;
            for (auto &[row, drafts] : m_drafts) {
                if (row < first)
                    shifted.emplace(row, std::move(drafts));
                else if (row > last)
                    shifted.emplace(row - (last - first + 1), std::move(drafts));
                else
                    m_draftStash.append({m_actions.at(row), std::move(drafts)});
            }
            m_drafts = std::move(shifted);
        }
        beginRemoveRows({}, first, last);
        m_actions.remove(first, last - first + 1);
        endRemoveRows();
        end = start;
    }
    emit actionsChanged();
    return removed;
}

void ActionTableModel::insertActionsAt(int row, const QList<Action> &actions, const QString &text)
{
    if (actions.isEmpty())
        return;
    row = std::clamp(row, 0, int(m_actions.size()));
    QList<int> positions;
    positions.reserve(actions.size());
    for (int i = 0; i < actions.size(); ++i)
        positions.append(row + i);
    m_undoStack->push(new InsertActions(this, positions, actions, text));
}

void ActionTableModel::removeActionRows(QList<int> rows)
{
    rows = sortedUnique(rows);
    if (rows.isEmpty())
        return;
    m_undoStack->push(new RemoveActions(this, rows));
}

void ActionTableModel::duplicateRows(QList<int> rows)
{
    rows = sortedUnique(rows);
    if (rows.isEmpty())
        return;
    QList<Action> copies;
    for (int row : rows)
        copies.append(m_actions.at(row));
    insertActionsAt(rows.constLast() + 1, copies,
                    rows.size() == 1 ? tr("Duplicate 1 action")
                                     : tr("Duplicate %1 actions").arg(rows.size()));
}

void ActionTableModel::moveRows(QList<int> rows, int to)
{
    rows = sortedUnique(rows);
    if (rows.isEmpty())
        return;
    to = std::clamp(to, 0, int(m_actions.size() - rows.size()));
    bool same = true; // a contiguous block moved onto itself is not an edit
    for (int i = 0; i < rows.size(); ++i)
        same = same && rows.at(i) == to + i;
    if (same)
        return;
    m_undoStack->push(new MoveActions(this, rows, to));
}

void ActionTableModel::resetActions(const QList<Action> &actions)
{
    beginResetModel();
    m_actions = actions;
    m_drafts.clear();
    m_draftStash.clear();
    m_batchesDirty = true;
    endResetModel();
    emit actionsChanged();
}

Qt::DropActions ActionTableModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions ActionTableModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QStringList ActionTableModel::mimeTypes() const
{
    return {QString::fromLatin1(RowsMimeType)};
}

QMimeData *ActionTableModel::mimeData(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &index : indexes)
        rows.append(index.row());
    rows = sortedUnique(rows);
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << rows;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(RowsMimeType), encoded);
    // Dragging rows out to a text editor gives the actions as a JSON array.
    QJsonArray array;
    for (int row : std::as_const(rows))
        array.append(actionToSessionValue(m_actions.at(row)));
    mime->setText(QString::fromUtf8(QJsonDocument(array).toJson()));
    return mime;
}

bool ActionTableModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                       const QModelIndex &) const
{
    return action == Qt::MoveAction && data->hasFormat(QString::fromLatin1(RowsMimeType));
}

bool ActionTableModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int,
                                    const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, 0, parent))
        return false;
    QList<int> rows;
    QDataStream stream(data->data(QString::fromLatin1(RowsMimeType)));
    stream >> rows;
    if (rows.isEmpty())
        return false;
    int target = row >= 0 ? row : (parent.isValid() ? parent.row() : int(m_actions.size()));
    const int before =
        int(std::count_if(rows.begin(), rows.end(), [target](int r) { return r < target; }));
    moveRows(rows, target - before);
    // The move is done; returning false keeps the view from removing the dragged rows itself.
    return false;
}

} // namespace Tenfold
