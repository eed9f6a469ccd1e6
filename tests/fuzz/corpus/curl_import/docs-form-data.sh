# older API docs: form-encoded fields
curl -X POST https://app.asana.com/api/1.0/tasks \
  -H "Authorization: Bearer $ASANA_ACCESS_TOKEN" \
  -d "name=Buy catnip" \
  -d "workspace=1001" \
  -d "notes=Whiskas+%26+co"
