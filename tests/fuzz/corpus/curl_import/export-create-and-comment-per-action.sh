#!/usr/bin/env bash
# Exported by Tenfold from "Create and comment": 6 request(s), one per action
# The token is read from ASANA_ACCESS_TOKEN when the commands run.
: "${ASANA_ACCESS_TOKEN:?set ASANA_ACCESS_TOKEN to an Asana personal access token}"

# POST /tasks
curl -sS -X POST https://app.asana.com/api/1.0/tasks \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json' \
  -H 'Content-Type: application/json' \
  --data-raw '{"data":{"name":"Draft the launch plan","notes":"Created by Tenfold","projects":["1201"]}}'
echo

# POST /tasks
curl -sS -X POST https://app.asana.com/api/1.0/tasks \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json' \
  -H 'Content-Type: application/json' \
  --data-raw '{"data":{"assignee":"me","name":"Book the venue","workspace":"1001"}}'
echo

# POST /tasks/1401/stories
curl -sS -X POST https://app.asana.com/api/1.0/tasks/1401/stories \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json' \
  -H 'Content-Type: application/json' \
  --data-raw '{"data":{"text":"Batched comment: all ten actions run in parallel."}}'
echo

# PUT /tasks/1401
curl -sS -X PUT https://app.asana.com/api/1.0/tasks/1401 \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json' \
  -H 'Content-Type: application/json' \
  --data-raw '{"data":{"completed":false,"due_on":"2026-12-31"}}'
echo

# POST /projects
curl -sS -X POST https://app.asana.com/api/1.0/projects \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json' \
  -H 'Content-Type: application/json' \
  --data-raw '{"data":{"name":"Q1 launch","workspace":"1001"}}'
echo

# GET /tasks/1401/stories
curl -sS 'https://app.asana.com/api/1.0/tasks/1401/stories?limit=5' \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -H 'Accept: application/json'
echo
