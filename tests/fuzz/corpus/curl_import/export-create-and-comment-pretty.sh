#!/usr/bin/env bash
# Exported by Tenfold from "Create and comment": 1 request(s), one POST /batch per batch
# The token is read from ASANA_ACCESS_TOKEN when the commands run.
: "${ASANA_ACCESS_TOKEN:?set ASANA_ACCESS_TOKEN to an Asana personal access token}"

# batch 1 of 1: 6 action(s)
curl -sS -X POST https://app.asana.com/api/1.0/batch \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json' \
  -H 'Content-Type: application/json' \
  --data-raw '{
    "data": {
        "actions": [
            {
                "data": {
                    "name": "Draft the launch plan",
                    "notes": "Created by Tenfold",
                    "projects": [
                        "1201"
                    ]
                },
                "method": "post",
                "relative_path": "/tasks"
            },
            {
                "data": {
                    "assignee": "me",
                    "name": "Book the venue",
                    "workspace": "1001"
                },
                "method": "post",
                "relative_path": "/tasks"
            },
            {
                "data": {
                    "text": "Batched comment: all ten actions run in parallel."
                },
                "method": "post",
                "relative_path": "/tasks/1401/stories"
            },
            {
                "data": {
                    "completed": false,
                    "due_on": "2026-12-31"
                },
                "method": "put",
                "relative_path": "/tasks/1401"
            },
            {
                "data": {
                    "name": "Q1 launch",
                    "workspace": "1001"
                },
                "method": "post",
                "relative_path": "/projects"
            },
            {
                "method": "get",
                "options": {
                    "limit": 5
                },
                "relative_path": "/tasks/1401/stories"
            }
        ]
    }
}'
echo
