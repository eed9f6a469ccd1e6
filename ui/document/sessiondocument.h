#pragma once

#include "model/session.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace Tenfold {

class ActionTableModel;
class VariablesModel;

/// One open session: its actions and variables (as models), target, plan, file and undo stack.
/// Dirty means "differs from what is on disk", tracked by the undo stack's clean state.
class SessionDocument : public QObject
{
    Q_OBJECT

public:
    explicit SessionDocument(QObject *parent = nullptr);

    QUndoStack *undoStack() const { return m_undoStack; }
    ActionTableModel *actions() const { return m_actions; }
    VariablesModel *variables() const { return m_variables; }

    /// The whole session as it would be saved (copies the actions).
    Session session() const;
    /// Replaces everything; the undo history starts over and the document is clean.
    void load(const Session &session, const QString &filePath);

    QString filePath() const { return m_filePath; }
    /// The session name, else the file's name, else "Untitled".
    QString displayName() const;
    bool isModified() const;
    /// Records a successful save: the document is clean and belongs to `filePath` now.
    void markSaved(const QString &filePath);

    const Target &target() const { return m_session.target; }
    const Plan &plan() const { return m_session.plan; }
    /// Undoable changes of the session's target and plan.
    void setTarget(const Target &target);
    void setPlan(const Plan &plan);

signals:
    void targetChanged();
    void planChanged();
    void modifiedChanged(bool modified);
    void filePathChanged();
    /// Anything that could change validation, cost or the saved file.
    void contentChanged();

private:
    void applyTarget(const Target &target);
    void applyPlan(const Plan &plan);

    QUndoStack *m_undoStack;
    ActionTableModel *m_actions;
    VariablesModel *m_variables;
    Session m_session; // name, target and plan; actions and variables live in the models
    QString m_filePath;
};

} // namespace Tenfold
